// esbuild loads .graphql files as text (console/buildConsole.ts), so the explorer opens on the
// committed reference operation rather than a copy of it.
declare module '*.graphql' {
  const text: string;
  export default text;
}
