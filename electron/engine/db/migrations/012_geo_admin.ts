/**
 * Geocoding with the administrative gazetteer: per geocoded record the GB/T 2260 code of the most
 * specific division its text names (township, else county), and which of its empty district / street
 * texts the geocoder filled from it ('district', 'street', 'district,street') so that a new geocoding
 * run can give them back exactly.
 */
export const migration012 = `
ALTER TABLE record_geo ADD COLUMN admin_code TEXT;
ALTER TABLE record_geo ADD COLUMN geo_filled TEXT;
`;
