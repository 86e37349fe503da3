import ICAL from 'ical.js';

/** 3.0's media subtypes (`TYPE=JPEG`) as media types. */
const mediaTypeOf = (type: unknown, property: string) => {
  const subtype = (Array.isArray(type) ? type[0] : type) as string | undefined;
  const family = property === 'sound' ? 'audio' : property === 'key' ? 'application' : 'image';
  return subtype ? `${family}/${subtype.toLowerCase()}` : 'application/octet-stream';
};

// ical.js writes a vCard URI like text, its commas escaped (RFC 6350 §3.4 read literally): a
// photo's `data:image/jpeg;base64\,…` then shows in no address book (Nextcloud server#13117,
// sabre-vobject#382). URIs are written as they are; reading still unescapes what others wrote.
const uriValue = ICAL.design.vcard.value.uri as { toICAL?: unknown };
delete uriValue.toICAL;

/** Apple's 3.0 group cards, as vCard 4 says the same. */
const APPLE = { kind: 'x-addressbookserver-kind', member: 'x-addressbookserver-member' };

/**
 * A card as vCard 4.0 text. What 3.0 writes differently is said the 4.0 way: embedded photos
 * (and logos, sounds, keys) as `data:` URIs, phone numbers as text as they were typed, Apple's
 * group cards as `KIND:group` and `MEMBER`. Every other property, ours or not, is written back as
 * it came: nothing is lost through a round trip.
 */
export function toVcard4(card: ICAL.Component): string {
  const out = new ICAL.Component(structuredClone(card.toJSON()));
  out.updatePropertyWithValue('version', '4.0');
  for (const property of out.getAllProperties()) {
    if (property.type === 'binary') {
      const [, params, , value] = property.toJSON() as [string, Record<string, unknown>, string, string];
      // Made in the card, so that it follows vCard's design (a URI is not escaped as text).
      const uri = new ICAL.Property(property.name, out);
      uri.resetType('uri');
      uri.setValue(`data:${mediaTypeOf(params.type, property.name)};base64,${String(value).replace(/\s+/g, '')}`);
      out.removeProperty(property);
      out.addProperty(uri);
    } else if (property.name === 'tel' && property.type !== 'uri' && property.type !== 'text') {
      const number = String(property.getFirstValue());
      property.resetType('text');
      property.setValue(number);
    }
  }
  const kind = out.getFirstPropertyValue(APPLE.kind);
  if (typeof kind === 'string' && !out.hasProperty('kind')) out.addPropertyWithValue('kind', kind.toLowerCase());
  out.removeAllProperties(APPLE.kind);
  for (const member of out.getAllProperties(APPLE.member)) {
    out.addPropertyWithValue('member', String(member.getFirstValue()));
    out.removeProperty(member);
  }
  return out.toString();
}
