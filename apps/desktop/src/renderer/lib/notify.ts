/** Shortens text to `maxLength` code points for a preview, on one line, with an ellipsis when cut. */
export function previewText(text: string, maxLength = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const codePoints = [...oneLine];
  if (codePoints.length <= maxLength) return oneLine;
  return `${codePoints.slice(0, maxLength - 1).join('').trimEnd()}…`;
}
