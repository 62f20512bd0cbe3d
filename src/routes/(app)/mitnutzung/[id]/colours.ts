/**
 * @module mitnutzung/[id]/colours
 * The result's colours beyond the networks' own (NETWORK_INFO): shared by map, band and legend.
 */
/** the route where no duct runs */
export const ROUTE_COLOUR = '#9aa4ae';
/** pieces near a coming excavation (a wide band under the route) */
export const COLAYING_COLOUR = 'rgba(232, 137, 43, 0.45)';
