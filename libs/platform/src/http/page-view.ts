import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shape of one page of a list: `class XPageView extends PageView(XView) {}` names it. */
export function PageView<T>(item: Type<T>) {
  class Page {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
    nextCursor: string | null;
  }
  return Page;
}
