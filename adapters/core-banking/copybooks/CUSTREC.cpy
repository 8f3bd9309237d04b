      *================================================================*
      * CUSTREC   CUSTOMER INFORMATION FILE (CIF) MASTER RECORD        *
      *           ONE RECORD PER CIF. INQUIRY RESPONSE AND NIGHTLY     *
      *           EXTRACT (CUSTMAST) LAYOUT. LRECL 351, DISPLAY ONLY.  *
      *           TEXT IS UPPER CASE, CCSID 870, SPACE PADDED.         *
      *================================================================*
       01  CUST-RECORD.
           05  CUST-REC-TYPE           PIC X(2)      VALUE 'CU'.
           05  CUST-CIF                PIC 9(10).
           05  CUST-STATUS             PIC X(1).
               88  CUST-ACTIVE                       VALUE 'A'.
               88  CUST-NOT-FOUND                    VALUE 'N'.
           05  CUST-NAME.
               10  CUST-GIVEN-NAME     PIC X(30).
               10  CUST-FAMILY-NAME    PIC X(30).
           05  CUST-BIRTH-DATE         PIC 9(8).
           05  CUST-NATIONAL-ID        PIC X(20).
           05  CUST-ADDRESS.
               10  CUST-ADDR-LINE1     PIC X(40).
               10  CUST-ADDR-LINE2     PIC X(40).
               10  CUST-CITY           PIC X(30).
               10  CUST-POSTAL-CODE    PIC X(10).
               10  CUST-COUNTRY        PIC X(2).
           05  CUST-PHONE              PIC X(20).
           05  CUST-EMAIL              PIC X(60).
           05  CUST-INCOME-IND         PIC X(1).
               88  CUST-INCOME-KNOWN                 VALUE 'Y'.
               88  CUST-INCOME-UNKNOWN               VALUE 'N'.
           05  CUST-INCOME             PIC S9(11)V99.
           05  CUST-CHANGED-TS         PIC 9(17).
           05  FILLER                  PIC X(17).
