/** ASCII letters of a Vietnamese text, for ids: "Đường Quang Sơn" → "Duong Quang Son". */
export const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
