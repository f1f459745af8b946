/**
 * The dimensions a tally can be sliced by, with their Dutch names as the API uses them and the
 * column of quality_counts behind each.
 */
export const DIMENSIONS = ['dag', 'maand', 'regel', 'retourcode', 'type', 'afzender', 'ontvanger', 'gemeente', 'regio', 'variant'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimensions of message counts: a message has no rule or retourcode of its own. */
export const MESSAGE_DIMENSIONS: readonly Dimension[] = DIMENSIONS.filter((d) => d !== 'regel' && d !== 'retourcode');

/** SQL expression per dimension; 'maand' is derived from the day, everything else is a column. */
export const COLUMN: Readonly<Record<Dimension, string>> = {
  dag: 'day',
  maand: 'substr(day, 1, 7)',
  regel: 'rule',
  retourcode: 'retourcode',
  type: 'type',
  afzender: 'afzender',
  ontvanger: 'ontvanger',
  gemeente: 'gemeente',
  regio: 'regio',
  variant: 'variant',
};

/** How an unknown value ('' in the tables) is shown and asked for. */
export const UNKNOWN = 'onbekend';

export function isDimension(s: string): s is Dimension {
  return (DIMENSIONS as readonly string[]).includes(s);
}
