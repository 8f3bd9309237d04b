// The single-byte build of the `codepage` package (SheetJS): the same tables as the package's
// main entry without its 2 MB of double-byte pages, so a subgraph starts 0.4 s sooner.
declare module 'codepage/dist/sbcs.full.js' {
  import type { CP$Module } from 'codepage';
  const cptable: CP$Module;
  export = cptable;
}
