/** The product names of a CSAF product tree: branch leaves and full product names. */
import { isJsonObject, objectField, objectsField, stringField, type JsonObject } from '../fields';

/** At most this many names are collected: a vendor tree can list thousands of versions. */
const MAX_PRODUCTS = 200;

/** The distinct names of the products `tree` defines, in document order. */
export function csafProductNames(tree: JsonObject): string[] {
  const names = new Set<string>();
  const add = (product: JsonObject | undefined) => {
    const name = product && stringField(product, 'name')?.trim();
    if (name && names.size < MAX_PRODUCTS) names.add(name);
  };
  for (const product of objectsField(tree, 'full_product_names')) add(product);
  // A stack, not recursion: the tree's depth is the document's to choose.
  const pending = [...objectsField(tree, 'branches')].reverse();
  while (pending.length > 0 && names.size < MAX_PRODUCTS) {
    const branch = pending.pop() as JsonObject;
    add(objectField(branch, 'product'));
    // A loop, not push(...branches): one branch may list more versions than the stack holds.
    for (const child of objectsField(branch, 'branches').filter(isJsonObject).reverse()) {
      pending.push(child);
    }
  }
  for (const relationship of objectsField(tree, 'relationships')) {
    add(objectField(relationship, 'full_product_name'));
  }
  return [...names];
}
