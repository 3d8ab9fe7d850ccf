/// <reference types="astro/client" />

// Plain `tsc` (npm run typecheck) does not know .astro files; tests import components for the
// container API, which accepts any component factory.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}

declare namespace App {
  interface Locals {
    /**
     * The files of the record a page shows (`record.source.parts`), set by the record pages so that
     * SourceLink can link a figure read from a PDF to its page (`original.pdf#page=N`).
     */
    sourceParts?: import('./domain/schema/source-part.ts').SourcePart[];
  }
}
