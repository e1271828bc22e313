import { Kind, Type, TypeRegistry, type TSchema } from '@sinclair/typebox';

TypeRegistry.Set<{ enum: string[] }>('StringEnum', (schema, value) => {
  return typeof value === 'string' && schema.enum.includes(value);
});

/**
 * A string restricted to a list of values, emitted as `{ type: 'string', enum, maxLength }`.
 * TypeBox's `Union` of literals emits `anyOf`, which RxDB cannot index.
 */
export function StringEnum<const T extends readonly string[]>(values: T): TSchema & { static: T[number] } {
  const maxLength = Math.max(...values.map((value) => value.length));
  return Type.Unsafe<T[number]>({ [Kind]: 'StringEnum', type: 'string', enum: [...values], maxLength }) as TSchema & {
    static: T[number];
  };
}
