// Only for dependency-cruiser: resolves WXT's '@/' alias (the build itself uses WXT's own config).
module.exports = { resolve: { alias: { '@': __dirname } } };
