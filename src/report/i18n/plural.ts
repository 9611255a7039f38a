/** "1 page" / "3 pages": the count with the singular or plural word. */
export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
