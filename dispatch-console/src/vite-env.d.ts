/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional online base map style; off by default (the console draws the city offline). */
  readonly VITE_MAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
