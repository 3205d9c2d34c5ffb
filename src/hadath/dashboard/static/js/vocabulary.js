// Event types, modalities and their colours. Types follow SPEC's table, grouped as ACLED groups
// them so that related types share a hue: battles red, remote violence orange, violence against
// civilians purple, strategic developments blue/teal, protests green, statements grey/brown.

export const TYPES = [
  ["armed_clash", "Armed clash", "#d7301f"],
  ["territory_taken", "Territory taken", "#99000d"],
  ["territory_regained", "Territory regained", "#ef6548"],
  ["air_strike", "Air/drone strike", "#f16913"],
  ["shelling", "Shelling/artillery", "#d94801"],
  ["explosion", "Explosion/IED", "#fdae6b"],
  ["attack_on_civilians", "Attack on civilians", "#6a51a3"],
  ["abduction", "Abduction", "#9e9ac8"],
  ["arrest", "Arrest", "#08519c"],
  ["withdrawal", "Withdrawal", "#4292c6"],
  ["mobilization", "Mobilisation", "#2171b5"],
  ["movement_restriction", "Movement restriction", "#6baed6"],
  ["base_established", "Base established", "#08306b"],
  ["military_aid", "Military aid", "#41b6c4"],
  ["agreement", "Agreement", "#1d91c0"],
  ["protest", "Protest", "#41ab5d"],
  ["riot", "Riot", "#006d2c"],
  ["threaten", "Threat", "#8c6d31"],
  ["accuse", "Accusation", "#bd9e39"],
  ["reject_deny", "Rejection/denial", "#7f7f7f"],
  ["support_statement", "Statement of support", "#a1a1a1"],
  ["request_appeal", "Request/appeal", "#c49c94"],
  ["meeting", "Meeting", "#636363"],
].map(([id, label, colour]) => ({ id, label, colour }));

export const TYPE_BY_ID = Object.fromEntries(TYPES.map((t) => [t.id, t]));

export function typeColour(type) {
  return (TYPE_BY_ID[type] || { colour: "#444" }).colour;
}

export function typeLabel(type) {
  return (TYPE_BY_ID[type] || { label: type || "unknown" }).label;
}

export const MODALITIES = [
  ["asserted", "stated by the outlet or a neutral source"],
  ["claimed", "claimed by a party to the fight"],
  ["denied", "denied by the actor"],
  ["planned", "planned or expected"],
  ["conditional", "threatened on a condition"],
  ["historical", "background, well before the report"],
].map(([id, help]) => ({ id, help }));

export const CONTROL_TYPES = ["territory_taken", "territory_regained", "withdrawal"];

// A fixed palette for holders in the control view, picked by a hash of the actor's name so that
// one actor keeps its colour whatever else is on the map.
const HOLDER_PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
  "#a6761d", "#1f78b4", "#b15928", "#6a3d9a"];

export function holderColour(name) {
  if (!name) return "#777";
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return HOLDER_PALETTE[hash % HOLDER_PALETTE.length];
}
