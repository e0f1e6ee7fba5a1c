// Minimal Vite config for Storybook; TypeScript settings (useDefineForClassFields)
// come from packages/widgets/tsconfig.json, which esbuild finds per file.
export default {};
