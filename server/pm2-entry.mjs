// PM2's entry point. PM2 refuses a TypeScript script on Node.js < 22.18, so this plain module
// loads the TypeScript server through tsx (registered by the --import tsx in node_args).
await import('./index.ts');
