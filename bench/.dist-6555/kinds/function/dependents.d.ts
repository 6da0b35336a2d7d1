import type { SchemaModel } from '../../model/schema-model.js';
import type { Routine } from './model.js';
/** The ref key others name a routine by (src/model/dependencies.ts). */
export declare function routineRef(r: Routine): string;
/** `function public.f(integer)`, `view public.v`, `trigger t on public.x`: what uses `r` in `model`. */
export declare function routineDependents(model: SchemaModel, r: Routine): string[];
