// The official Spanish (USA) PHQ-9, word for word from the project's clinical reference
// (../shared/clinical-reference.md, "Spanish (es): the official texts only"), with its attribution in
// Spanish. Only that text may be used: other Spanish versions differ in wording. The GAD-7's official
// Spanish text is not in the reference, so the GAD-7 stays in English under a Spanish interface.
import type { Translate } from './safety';
import { ANSWERS, ATTRIBUTION, DIFFICULTY_ANSWERS, DIFFICULTY_QUESTION, QUESTIONNAIRES, type QuestionnaireKind } from './questionnaires';

export const PHQ9_ES = {
  stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
  items: [
    'Poco interés o placer en hacer cosas',
    'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
    'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
    'Se ha sentido cansado(a) o con poca energía',
    'Sin apetito o ha comido en exceso',
    'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
    'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
    '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
    'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera'
  ],
  answers: ['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días'],
  difficultyQuestion:
    'Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?',
  difficultyAnswers: ['No ha sido difícil', 'Un poco difícil', 'Muy difícil', 'Extremadamente difícil'],
  attribution:
    'Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para reproducir, traducir, presentar o distribuir.'
} as const;

/** Shown with the GAD-7 under a Spanish interface: why it is in English. */
export const GAD7_ENGLISH_NOTE =
  'El GAD-7 se muestra en inglés: solo se puede usar su versión oficial en español, y esa versión no está incluida en esta extensión.';

export interface QuestionnaireText {
  stem: string;
  items: readonly string[];
  answers: readonly string[];
  difficultyQuestion: string;
  difficultyAnswers: readonly string[];
  attribution: string;
  /** Why the text is in another language than the interface, when it is. */
  note: string | null;
}

/** 'es' for any Spanish tag (es, es-US, es-419…), else 'en'. */
export const questionnaireLanguage = (locale: string): 'en' | 'es' => (/^es\b/i.test(locale) ? 'es' : 'en');

/** The wording a questionnaire is asked and shown in for `locale`: the official Spanish PHQ-9, else English. */
export function questionnaireText(kind: QuestionnaireKind, locale: string): QuestionnaireText {
  const def = QUESTIONNAIRES[kind];
  const es = questionnaireLanguage(locale) === 'es';
  if (es && kind === 'phq9') return { ...PHQ9_ES, note: null };
  const english = { stem: def.stem, items: def.items, answers: ANSWERS, difficultyQuestion: DIFFICULTY_QUESTION, difficultyAnswers: DIFFICULTY_ANSWERS, attribution: ATTRIBUTION };
  return { ...english, note: es ? GAD7_ENGLISH_NOTE : null };
}

/** A stored band ("moderately severe") in the reader's words: `t` is the host's, the page's or the summary's. */
export function bandLabel(band: string, t: Translate): string {
  const words: Record<string, string> = { minimal: t('minimal'), mild: t('mild'), moderate: t('moderate'), 'moderately severe': t('moderately severe'), severe: t('severe') };
  return words[band] ?? band;
}
