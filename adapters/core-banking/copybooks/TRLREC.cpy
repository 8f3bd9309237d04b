      *================================================================*
      * TRLREC    TRAILER, LAST RECORD OF EVERY SUCCESSFUL RESPONSE    *
      *           AND OF THE NIGHTLY EXTRACT. A READER THAT DOES NOT   *
      *           SEE IT, OR SEES ANOTHER COUNT, HAS A CUT FILE.       *
      *================================================================*
       01  TRL-RECORD.
           05  TRL-REC-TYPE            PIC X(2)      VALUE 'TR'.
           05  TRL-RECORD-COUNT        PIC 9(10).
           05  TRL-NEXT-CURSOR         PIC 9(12).
           05  TRL-CREATED-TS          PIC 9(17).
