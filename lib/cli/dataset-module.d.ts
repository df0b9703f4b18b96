/** The compiled dataset, put into the CLI bundle by scripts/build-cli.mjs. */
declare module 'triangulate:dataset' {
  const dataset: import('../dataset/types').Dataset;
  export default dataset;
}
