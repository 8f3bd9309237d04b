      *================================================================*
      * ACCTREC   DEPOSIT / LOAN ACCOUNT RECORD, ZERO OR MORE PER CIF  *
      *           ACCT-BALANCE IS SIGNED: LOANS ARE NEGATIVE.          *
      *================================================================*
       01  ACCT-RECORD.
           05  ACCT-REC-TYPE           PIC X(2)      VALUE 'AC'.
           05  ACCT-CIF                PIC 9(10).
           05  ACCT-NUMBER             PIC 9(12).
           05  ACCT-TYPE               PIC X(2).
               88  ACCT-CURRENT                      VALUE 'CA'.
               88  ACCT-SAVINGS                      VALUE 'SA'.
               88  ACCT-TERM-DEPOSIT                 VALUE 'TD'.
               88  ACCT-LOAN                         VALUE 'LN'.
           05  ACCT-CURRENCY           PIC X(3).
           05  ACCT-BALANCE            PIC S9(13)V99.
           05  ACCT-OPEN-DATE          PIC 9(8).
           05  ACCT-STATUS             PIC X(1).
               88  ACCT-OPEN                         VALUE 'O'.
               88  ACCT-CLOSED                       VALUE 'C'.
           05  FILLER                  PIC X(10).
