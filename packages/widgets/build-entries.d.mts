export declare const ELEMENT_ENTRIES: Record<string, string>;
export declare const SCRIPT_BUNDLE: { name: string; entry: string };
