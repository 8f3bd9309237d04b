      *================================================================*
      * TXNREC    POSTED TRANSACTION OF ONE ACCOUNT, NEWEST FIRST      *
      *           TXN-AMOUNT IS SIGNED: DEBITS ARE NEGATIVE.           *
      *================================================================*
       01  TXN-RECORD.
           05  TXN-REC-TYPE            PIC X(2)      VALUE 'TX'.
           05  TXN-ACCT-NUMBER         PIC 9(12).
           05  TXN-ID                  PIC X(24).
           05  TXN-BOOK-DATE           PIC 9(8).
           05  TXN-AMOUNT              PIC S9(13)V99.
           05  TXN-CURRENCY            PIC X(3).
           05  TXN-DESCRIPTION         PIC X(40).
