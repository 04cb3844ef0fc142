import type { RatingGuideProps } from './RatingGuide.types';
import { renderRatingGuide } from './renderRatingGuide';
import { useRatingGuide } from './useRatingGuide';
import { useRatingGuideStyles } from './useRatingGuideStyles.styles';

/** 「評価ガイド」: the three columns of 1. 達成状況 with what the numbers say, the open questions, 「この評価を入力」. */
export function RatingGuide(props: RatingGuideProps) {
  return renderRatingGuide(useRatingGuideStyles(useRatingGuide(props)));
}
