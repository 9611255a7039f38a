// The model files a command is given (--model, --topic-model: retrained with `train` and `train --topics`), shared by
// classify, audit, rescore and survey: loaded before any work starts, or one line naming the file and why (exit 4).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, EXIT } from './errors.js';
import type { Classifier } from '../classify/index.js';

export interface ModelOptions {
  /** A category model trained with `train` (default: data/classifier/model.json). */
  model?: string;
  /** A topic model trained with `train --topics` (default: data/topics/model.json). */
  topicModel?: string;
}

/** The classifier over the given model files (the shipped ones by default); an unreadable or invalid file is a CliError, exit code 4. */
export async function loadClassifierOrExit(options: ModelOptions): Promise<Classifier> {
  const { loadClassifier, ClassifierDataError, DEFAULT_MODEL_PATH } = await import('../classify/index.js');
  try {
    return loadClassifier(options.model, options.topicModel);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // The error's path says which of the two files could not be read.
    const path = (error as NodeJS.ErrnoException).path ?? options.model ?? DEFAULT_MODEL_PATH;
    if (code) throw new CliError((m) => m.cli.cannotLoadModel(`${path} (${code})`), EXIT.io);
    if (error instanceof ClassifierDataError) throw new CliError((m, lang) => m.cli.cannotLoadModel(error.text[lang]), EXIT.io);
    throw new CliError((m) => m.cli.cannotLoadModel((error as Error).message), EXIT.io);
  }
}

/** The given model files as absolute paths (worker threads and config files may not share the working directory). */
export function absoluteModels(options: ModelOptions, base = process.cwd()): ModelOptions {
  return {
    ...(options.model !== undefined ? { model: resolve(base, options.model) } : {}),
    ...(options.topicModel !== undefined ? { topicModel: resolve(base, options.topicModel) } : {}),
  };
}

/**
 * What a survey records of the models it ran with: a digest of each given file's content (not its path, which differs
 * between the machines running the shards of one survey), so that a retrained model is a different survey.
 */
export function modelFingerprints(options: ModelOptions): Record<string, string> {
  const digest = (path: string): string => `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`;
  return {
    ...(options.model !== undefined ? { model: digest(options.model) } : {}),
    ...(options.topicModel !== undefined ? { topicModel: digest(options.topicModel) } : {}),
  };
}
