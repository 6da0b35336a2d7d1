import { model, routine } from '../../../test/diff/builders.js';
import { functionCommentedObjects } from './comments.js';

test('each routine by signature, as COMMENT ON names it: FUNCTION, PROCEDURE, AGGREGATE (name(*) with no argument)', () => {
  const m = model({
    functions: [
      routine('f', { signature: 'integer, text', comment: 'adds' }),
      routine('p', { kind: 'procedure', signature: '' }),
      routine('n', { kind: 'aggregate', signature: '' }),
      routine('s', { kind: 'aggregate', signature: 'integer' }),
    ],
  });
  expect(functionCommentedObjects(m).map((c) => [c.key, c.target, c.comment, c.object])).toEqual([
    ['function:public\u0000f\u0000integer, text', 'FUNCTION public.f(integer, text)', 'adds', { schema: 'public', function: 'f', arguments: 'integer, text' }],
    ['function:public\u0000p\u0000', 'PROCEDURE public.p()', null, { schema: 'public', function: 'p', arguments: '' }],
    ['function:public\u0000n\u0000', 'AGGREGATE public.n(*)', null, { schema: 'public', function: 'n', arguments: '' }],
    ['function:public\u0000s\u0000integer', 'AGGREGATE public.s(integer)', null, { schema: 'public', function: 's', arguments: 'integer' }],
  ]);
});
