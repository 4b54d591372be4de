// TypeScript's node10 resolution (tsconfig) ignores package "exports", so it cannot find
// graphql-ws's `use/ws` entry point; Node (and jest) resolve it through the exports at run time.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
