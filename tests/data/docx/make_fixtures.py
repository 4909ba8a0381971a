#!/usr/bin/env python3
"""Writes the .docx fixtures of this folder with Python's zipfile: the smallest WordprocessingML
packages Word and LibreOffice open, with text of our own."""
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def paragraph(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'


def write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)


table = ('<w:tbl><w:tr><w:tc>' + paragraph('Miners trained') + '</w:tc><w:tc>' + paragraph('120') +
         '</w:tc></w:tr></w:tbl>')
core = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Evaluación final del piloto</dc:title>'
        '<dc:creator>Fixture Author</dc:creator></cp:coreProperties>')
write('evaluation.docx', {
    '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'docProps/core.xml': core,
    'word/document.xml': document(paragraph('Resumen', 'Heading1') +
                                  paragraph('Las retortas no se usaron después del proyecto.') + table)})
write('no-properties.docx', {
    '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS,
    'word/document.xml': document(paragraph('Gravity concentration manual', 'Title') +
                                  paragraph('Sluices replace amalgamation of whole ore.'))})
# 20 MB of spaces in one paragraph packs into a few kilobytes: refused as a zip bomb.
write('zip-bomb.docx', {
    '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS,
    'word/document.xml': document(paragraph('x' + ' ' * (20 << 20)))})
write('invalid-xml.docx', {
    '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS,
    'word/document.xml': '<w:document><w:body><w:p>never closed'})
open('renamed-text.docx', 'w').write('This is a text file with a .docx name.\n')
