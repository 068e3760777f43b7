import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import validateManifestJson from '@kintone/plugin-manifest-validator';
import { unwrapDefault } from './interop';

export interface ManifestCheck {
  valid: boolean;
  errors: string[];
  warnings: string[];
}

interface ValidatorError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const validate = unwrapDefault(validateManifestJson);

/** A manifest path must stay inside the plug-in directory. */
export function isRelativeInside(filePath: string): boolean {
  if (filePath === '' || isAbsolute(filePath) || /^[a-z][a-z\d+.-]*:/i.test(filePath)) return false;
  const normalized = normalize(filePath);
  return normalized !== '..' && !normalized.startsWith(`..${sep}`);
}

export function describeValidatorError(error: ValidatorError): string {
  const where = error.instancePath ? error.instancePath : '(manifest)';
  const params = error.params ?? {};
  let detail = '';
  if (typeof params.additionalProperty === 'string') detail = ` ("${params.additionalProperty}")`;
  else if (Array.isArray(params.allowedValues)) detail = ` (${params.allowedValues.join(', ')})`;
  else if (typeof params.missingProperty === 'string') detail = ` ("${params.missingProperty}")`;
  return `${where}: ${error.message ?? 'is invalid'}${detail}`;
}

/** kintone inserts config.html into its own page: it must be a fragment, not a document. */
export function checkConfigHtmlFragment(html: string): string[] {
  const problems: string[] = [];
  for (const tag of ['!doctype', 'html', 'head', 'body']) {
    if (new RegExp(`<${tag}[\\s>]`, 'i').test(html))
      problems.push(`config.html must be an HTML fragment (found <${tag}>)`);
  }
  return problems;
}

/**
 * Validates manifest.json with kintone's validator, checking that every referenced file exists in
 * `contentsDir` and respects the size limits, plus that config.html is a fragment.
 */
export function checkManifest(manifest: unknown, contentsDir: string): ManifestCheck {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { valid: false, errors: ['manifest.json must be a JSON object'], warnings: [] };
  }
  const result = validate(manifest as Record<string, unknown>, {
    relativePath: isRelativeInside,
    fileExists: (filePath) => isRelativeInside(filePath) && existsSync(join(contentsDir, filePath)),
    maxFileSize: (maxBytes, filePath) => {
      const file = join(contentsDir, filePath);
      return !existsSync(file) || statSync(file).size <= maxBytes;
    },
  });
  const errors = (result.errors ?? []).map((error) => describeValidatorError(error as ValidatorError));
  const warnings = (result.warnings ?? []).map((warning) => warning.message);
  const config = (manifest as { config?: { html?: unknown } }).config;
  if (typeof config?.html === 'string' && isRelativeInside(config.html)) {
    const htmlPath = join(contentsDir, config.html);
    if (existsSync(htmlPath)) errors.push(...checkConfigHtmlFragment(readFileSync(htmlPath, 'utf8')));
  }
  return { valid: result.valid === true && errors.length === 0, errors, warnings };
}

export function readManifest(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
