/** The compiled dataset, put into the CLI bundle by scripts/build-cli.mjs. */
declare module 'triangulate:dataset' {
  const dataset: import('../dataset/types').Dataset;
  export default dataset;
}

/** The message catalogues of public/_locales, by folder name (`en`, `ru`…), put into the CLI bundle by scripts/build-cli.mjs. */
declare module 'triangulate:locales' {
  const catalogues: Record<string, import('../i18n/catalogue').Catalogue>;
  export default catalogues;
}
