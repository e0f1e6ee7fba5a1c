/** The error shape our server sends (see the server's trpc/errors.ts). */
export interface ApiErrorShape {
  readonly message: string;
  readonly code?: number;
  readonly data?: {
    /** Stable application code: a DomainError code such as `SESSION_EXPIRED`. */
    readonly appCode?: string;
    readonly httpStatus?: number;
    readonly validation?: unknown;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/**
 * A failed API call. `code` is the server's stable application code, or
 * `NETWORK_ERROR` when no answer arrived. Messages come from the server,
 * which never puts PHI in them.
 */
export class TcrmApiError extends Error {
  readonly shape: ApiErrorShape | undefined;

  constructor(message: string, shape?: ApiErrorShape) {
    super(message);
    this.name = 'TcrmApiError';
    this.shape = shape;
  }

  get code(): string {
    return this.shape?.data?.appCode ?? 'NETWORK_ERROR';
  }

  get data(): ApiErrorShape['data'] {
    return this.shape?.data;
  }
}
