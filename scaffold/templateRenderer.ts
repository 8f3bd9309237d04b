import { ScaffoldError } from './scaffoldErrors';

/**
 * The scaffold's template language, all of it: `{{name}}` is replaced by the value of `name`.
 * Nothing else (no loops, no conditions): anything a template would loop over (the registry's
 * systems in an SDL enum) is rendered by the generator and passed in as one value. A placeholder
 * with no value is an error, never an empty string, so a typo in a template cannot ship.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export type TemplateValues = Readonly<Record<string, string>>;

export function renderTemplate(template: string, values: TemplateValues, templateName = 'template'): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new ScaffoldError('TEMPLATE_ERROR', `${templateName}: no value for {{${key}}}`);
    return value;
  });
}

/**
 * A template's path in the generated repository: `__slug__` and `__handle__` segments are
 * replaced (braces are awkward in file names), and the `.tmpl` suffix dropped.
 */
export function renderTemplatePath(templatePath: string, values: TemplateValues): string {
  if (!templatePath.endsWith('.tmpl')) throw new ScaffoldError('TEMPLATE_ERROR', `${templatePath}: template files end in .tmpl`);
  return templatePath.slice(0, -'.tmpl'.length).replace(/__([A-Za-z][A-Za-z0-9]*)__/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new ScaffoldError('TEMPLATE_ERROR', `${templatePath}: no value for __${key}__`);
    return value;
  });
}
