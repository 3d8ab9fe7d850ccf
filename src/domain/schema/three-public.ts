import { z } from 'astro/zod';
import { threePublicItemSchema } from './three-public-item.ts';

/** “三公”经费: the total and its four items. */
export const threePublicSchema = z.object({
  /** “三公”经费 total. */
  total: threePublicItemSchema,
  /** 因公出国（境）费. */
  outboundTravel: threePublicItemSchema,
  /** 公务接待费. */
  reception: threePublicItemSchema,
  /** 公务用车运行维护费. */
  vehicleOperation: threePublicItemSchema,
  /** 公务用车购置费. */
  vehiclePurchase: threePublicItemSchema,
});
export type ThreePublic = z.infer<typeof threePublicSchema>;
