import { z } from 'zod';

export type MethodKind = 'json' | 'arrow';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly kind: MethodKind;
  /** true when the method writes to the project (used by the audit trail and read-only guards). */
  readonly writes: boolean;
}

export const json = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, writes = false): MethodDef<I, O> =>
  ({ input, output, kind: 'json', writes });
/** Row-shaped results travel as Arrow IPC stream bytes. */
export const ArrowBytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected Arrow IPC bytes (Uint8Array)' });
export const arrow = <I extends z.ZodType>(input: I): MethodDef<I, typeof ArrowBytesSchema> =>
  ({ input, output: ArrowBytesSchema, kind: 'arrow', writes: false });

export const Empty = z.object({}).strict();
export const Path = z.string().min(1).max(4096);
export const JobStarted = z.object({ jobId: z.string() });
