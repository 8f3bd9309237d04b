      *================================================================*
      * CHGREC    CHANGE JOURNAL ENTRY: ONE RECORD CHANGED             *
      *           CHG-SEQ IS THE CURSOR THAT RESUMES AFTER THIS ENTRY. *
      *================================================================*
       01  CHG-RECORD.
           05  CHG-REC-TYPE            PIC X(2)      VALUE 'CH'.
           05  CHG-SEQ                 PIC 9(12).
           05  CHG-ENTITY              PIC X(10).
           05  CHG-LOCAL-ID            PIC X(20).
           05  CHG-CHANGED-TS          PIC 9(17).
