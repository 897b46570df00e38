/**
 * An empty array that holds objects from the start. V8 gives `[]` the elements kind of small
 * integers and changes it (the array's hidden class) when the first object is stored: optimised
 * code that had only seen the array empty (a per-line check of its length) is thrown away then
 * ("wrong map"). An array made from a literal of one object-kind element and emptied keeps the
 * kind of objects.
 */
export function objectList<T>(): T[] {
	const list: T[] = [null as T];
	list.length = 0;
	return list;
}
