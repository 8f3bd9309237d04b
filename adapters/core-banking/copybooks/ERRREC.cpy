      *================================================================*
      * ERRREC    ERROR RECORD, THE ONLY RECORD OF A FAILED RESPONSE   *
      *           ERR-CODE IS THE CICS CONDITION OR ABEND CODE.        *
      *================================================================*
       01  ERR-RECORD.
           05  ERR-REC-TYPE            PIC X(2)      VALUE 'ER'.
           05  ERR-CODE                PIC X(8).
           05  ERR-RESP                PIC 9(4).
           05  ERR-MESSAGE             PIC X(60).
