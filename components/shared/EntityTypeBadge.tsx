import type { EntityType } from '@/lib/types';

const LABEL: Record<EntityType, string> = { exercise: 'Exercise', country: 'Country', organization: 'Organization' };

export function EntityTypeBadge({ type }: { type: EntityType }) {
  return <span class={`badge entity entity-${type}`}>{LABEL[type]}</span>;
}
