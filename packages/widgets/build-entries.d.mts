export declare const ELEMENT_ENTRIES: Record<string, string>;
export declare const SCRIPT_BUNDLE: { name: string; entry: string };
export declare const noPreloadHelper: import('vite').Plugin;
export declare const FIRST_RENDER: Record<string, string[]>;
