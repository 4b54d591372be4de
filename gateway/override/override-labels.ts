import { Kind, parse, visit, type DocumentNode } from 'graphql';

/** A progressive override label `percent(N)`: N% of customers (or requests) take the new side. */
export interface PercentLabel {
  label: string;
  percent: number;
}

/** The progressive `@override` labels a supergraph uses, split into percentages and custom labels. */
export interface SupergraphOverrideLabels {
  percent: ReadonlyArray<PercentLabel>;
  custom: ReadonlyArray<string>;
}

const PERCENT = /^percent\((\d{1,3}(?:\.\d{1,9})?)\)$/;

/** `percent(25)` -> 25; null for any other label. */
export function percentOf(label: string): number | null {
  const match = PERCENT.exec(label);
  if (!match) return null;
  const value = Number(match[1]);
  return value <= 100 ? value : null;
}

/** Reads every `overrideLabel` of the supergraph's `@join__field` directives. */
export function overrideLabelsOf(supergraph: string | DocumentNode): SupergraphOverrideLabels {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const labels = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'join__field') return;
      for (const argument of node.arguments ?? []) {
        if (argument.name.value === 'overrideLabel' && argument.value.kind === Kind.STRING) labels.add(argument.value.value);
      }
    },
  });
  const percent: PercentLabel[] = [];
  const custom: string[] = [];
  for (const label of [...labels].sort()) {
    const value = percentOf(label);
    if (value === null) custom.push(label);
    else percent.push({ label, percent: value });
  }
  return { percent, custom };
}
