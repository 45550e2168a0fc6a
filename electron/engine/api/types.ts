import type { z } from 'zod';
import type { Contract, MethodName, OutputOf } from '../../../shared/api/contract';
import type { EngineContext } from '../context';

export type HandlerInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Handler<M extends MethodName> = (input: HandlerInput<M>, ctx: EngineContext) => OutputOf<M> | Promise<OutputOf<M>>;
/** A contract area's handlers: exactly the methods named. */
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
/** The router type: one handler for every method of the contract, checked by the compiler. */
export type Handlers = { [M in MethodName]: Handler<M> };
