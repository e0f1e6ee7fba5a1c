// Public surface of the server package. Widgets import only the type.
export type { AppRouter } from './router.js';
export { createApp, type App, type AppOverrides } from './app.js';
export { loadConfig, type Config } from './config.js';
