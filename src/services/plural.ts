// Plural forms on the host, by VS Code's display language (the rule itself is in src/core/plural.ts).
import * as vscode from 'vscode';
import { plural as pluralIn, type PluralForms } from '../core/plural';

export const plural = (count: number, forms: PluralForms): string => pluralIn(count, forms, vscode.env.language);
