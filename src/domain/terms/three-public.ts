/** Term table: the “三公”经费 items (record `threePublic`), with the Chinese labels every page and check uses. */
import type { ThreePublic } from '../schema/three-public.ts';

/** The items in the order the documents list them, each with its label (the total is not an item). */
export const THREE_PUBLIC_ITEMS: ReadonlyArray<readonly [Exclude<keyof ThreePublic, 'total'>, string]> = [
  ['outboundTravel', '因公出国（境）费'],
  ['reception', '公务接待费'],
  ['vehicleOperation', '公务用车运行维护费'],
  ['vehiclePurchase', '公务用车购置费'],
];

/** The whole: “三公”经费. */
export const THREE_PUBLIC = '“三公”经费';

/** Label of each item and of the total. */
export const THREE_PUBLIC_LABEL: Readonly<Record<keyof ThreePublic, string>> = {
  total: THREE_PUBLIC,
  ...Object.fromEntries(THREE_PUBLIC_ITEMS) as Record<Exclude<keyof ThreePublic, 'total'>, string>,
};
