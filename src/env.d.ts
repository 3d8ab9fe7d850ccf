/// <reference types="astro/client" />

// Plain `tsc` (npm run typecheck) does not know .astro files; tests import components for the
// container API, which accepts any component factory.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
