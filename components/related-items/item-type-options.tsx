// The <option>s of a related item's type <select>, with the names AWS's console gives them.
import { RELATED_ITEM_TYPES } from "@/lib/console/related-items/item-types";

export function ItemTypeOptions() {
  return RELATED_ITEM_TYPES.map((t) => (
    <option key={t.value} value={t.value}>
      {t.label}
    </option>
  ));
}
