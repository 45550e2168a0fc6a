import { ApiError, type Locale } from '../../../shared/api/errors';

/** Any thrown value as an ApiError (unknown errors become INTERNAL with their message). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
}

/** The user-facing message of any error, in the given UI language. */
export function errorText(e: unknown, locale: Locale): string {
  return toApiError(e).localized(locale);
}

/** Error from a `job.done` event ({code, message}): localized when the code is known. */
export function jobErrorText(err: { code: string; message: string }, locale: Locale): string {
  const e = ApiError.fromPayload({ code: err.code as ApiError['code'], params: { detail: err.message }, message: err.message });
  const text = e.localized(locale);
  return /\{\w+\}/.test(text) ? err.message : text;
}
