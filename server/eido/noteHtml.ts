/**
 * [EI2] Text the project keeps (a note, a reason) as the HTML5 an EIDO note carries: markup characters escaped, so a
 * note that reads "<b>" shows as typed and never as markup in the receiving system, and line breaks as `<br>`.
 */
export function noteHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}
