/**
 * Content Cognito refuses, or that has no place in a login page, found in an
 * SVG asset. Checked at synth so the mistake shows before a deployment fails
 * halfway (Cognito's own error names neither the file nor the reason).
 */
const SVG_HAZARDS: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string }> = [
  { pattern: /<script\b/i, what: 'a <script> element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an on* event attribute (onload=, onclick=, ...)' },
  { pattern: /javascript\s*:/i, what: 'a javascript: URL' },
  // Reported rejected by Cognito (lgallard/terraform-aws-cognito-user-pool PR 238).
  { pattern: /dominant-baseline/i, what: 'the dominant-baseline attribute, which Cognito rejects' },
];

/** What is wrong with an SVG text, or undefined when nothing is. */
export function findSvgHazard(svg: string): string | undefined {
  return SVG_HAZARDS.find((hazard) => hazard.pattern.test(svg))?.what;
}
