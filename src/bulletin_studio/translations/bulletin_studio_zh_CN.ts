<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Blocks</name>
    <message>
        <source>Move block up</source>
        <translation>上移此块</translation>
    </message>
    <message>
        <source>Move block down</source>
        <translation>下移此块</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>删除此块</translation>
    </message>
    <message>
        <source>No blocks yet: add a paragraph to start the text.</source>
        <translation>还没有内容：添加一个段落开始撰写正文。</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>添加内容块</translation>
    </message>
    <message>
        <source>Insert snippet</source>
        <translation>插入常用段落</translation>
    </message>
    <message>
        <source>(unnamed snippet)</source>
        <translation>（未命名常用段落）</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Compose a quarterly bulletin and export it to PDF and DOCX. Without arguments, or with only a file name, the window opens.</source>
        <translation>编排季度简报并导出 PDF/DOCX。不带参数或只给文件名时打开窗口。</translation>
    </message>
    <message>
        <source>Write the sample issue</source>
        <translation>写出示例简报</translation>
    </message>
    <message>
        <source>Overwrite an existing file</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>Start the next issue from the previous one (numbers go up, content is cleared)</source>
        <translation>由上一期生成下一期（期号递增，内容清空）</translation>
    </message>
    <message>
        <source>Print the JSON Schema of issue.json</source>
        <translation>输出 issue.json 的 JSON Schema</translation>
    </message>
    <message>
        <source>Check the issue</source>
        <translation>检查简报内容</translation>
    </message>
    <message>
        <source>Layout the check uses</source>
        <translation>印前检查所用版式</translation>
    </message>
    <message>
        <source>Export PDF and/or DOCX</source>
        <translation>导出 PDF 和/或 DOCX</translation>
    </message>
    <message>
        <source>Layout name or .toml path</source>
        <translation>版式名称或 .toml 路径</translation>
    </message>
    <message>
        <source>PDF/X standard of the print variant: x4 (default, PDF 1.6) or x1a (PDF/X-1a:2003: CMYK only, no transparency)</source>
        <translation>印刷版的 PDF/X 标准：x4（默认，PDF 1.6）或 x1a（PDF/X-1a:2003，只用 CMYK、无透明）</translation>
    </message>
    <message>
        <source>The print shop&apos;s CMYK output profile (instead of the layout&apos;s)</source>
        <translation>打印厂的 CMYK 输出配置文件（代替版式中的）</translation>
    </message>
    <message>
        <source>Check the print PDF as a print shop does (FILE is a .pdf, or a .bulletin exported in memory first)</source>
        <translation>按印刷厂的标准检查印刷 PDF（FILE 为 .pdf，或 .bulletin 先在内存中导出）</translation>
    </message>
    <message>
        <source>Standard to check against (default: the one the file declares, else x4)</source>
        <translation>按哪个标准检查（默认：文件声明的，否则 x4）</translation>
    </message>
    <message>
        <source>CMYK output profile</source>
        <translation>CMYK 输出配置文件</translation>
    </message>
    <message>
        <source>List the fonts each role of the layout uses, and convert them ahead</source>
        <translation>列出版式各角色实际使用的字体，并预先转换缓存</translation>
    </message>
    <message>
        <source>Import the comments and tracked changes of a reviewed DOCX</source>
        <translation>导入审阅后 DOCX 中的评论和修订</translation>
    </message>
    <message>
        <source>{path} exists already (--force overwrites it)</source>
        <translation>文件 {path} 已存在（使用 --force 覆盖）</translation>
    </message>
    <message>
        <source>Give --pdf or --docx, or both</source>
        <translation>请至少指定 --pdf 或 --docx</translation>
    </message>
    <message>
        <source>--pdf and --docx cannot be the same file {path}</source>
        <translation>--pdf 和 --docx 不能是同一个文件 {path}</translation>
    </message>
    <message>
        <source>--pdfx and --profile are for the print variant (--variant print): the screen variant is RGB</source>
        <translation>--pdfx 和 --profile 只用于印刷版（--variant print）：屏幕版是 RGB</translation>
    </message>
    <message>
        <source>{message}. bulletin-studio validate {file} lists every problem</source>
        <translation>{message}。用 bulletin-studio validate {file} 查看全部问题</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a readable PDF: {reason}</source>
        <translation>{path} 不是可读的 PDF：{reason}</translation>
    </message>
    <message>
        <source>page {pages}</source>
        <translation>第 {pages} 页</translation>
    </message>
    <message>
        <source>{id} “{title}”</source>
        <translation>{id}《{title}》</translation>
    </message>
    <message>
        <source> [{where}]</source>
        <translation>［{where}］</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{severity} {check}{place}: {message}</source>
        <translation>{severity} {check}{place}：{message}</translation>
    </message>
    <message>
        <source>To do: {action}</source>
        <translation>处理：{action}</translation>
    </message>
    <message>
        <source>the print shop would refuse it</source>
        <translation>会被退回</translation>
    </message>
    <message>
        <source>ready for the print shop</source>
        <translation>可以交付印刷</translation>
    </message>
    <message>
        <source>{file}: {errors} error(s), {warnings} warning(s)</source>
        <translation>{file}：{errors} 个错误，{warnings} 个警告</translation>
    </message>
    <message>
        <source>{standard}: {errors} error(s), {warnings} warning(s) — {verdict}</source>
        <translation>{standard}：{errors} 个错误，{warnings} 个警告 —— {verdict}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>西文</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source> ({count} imported before, skipped)</source>
        <translation>（{count} 条此前已导入，已跳过）</translation>
    </message>
    <message>
        <source>Imported {count} remarks from {source}{skipped}</source>
        <translation>从 {source} 导入 {count} 条审阅意见{skipped}</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>insertions</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>deletions</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{kind} {count}</source>
        <translation>{kind} {count}</translation>
    </message>
    <message>
        <source>{title}: {detail}</source>
        <translation>{title}：{detail}</translation>
    </message>
    <message>
        <source>Not matched to any item: {count}</source>
        <translation>未能对应到条目：{count} 条</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>Internal error: {error}</source>
        <translation>内部错误：{error}</translation>
    </message>
    <message>
        <source> ({path})</source>
        <translation>（{path}）</translation>
    </message>
    <message>
        <source>; the details are in {log}</source>
        <translation>；详情已写入 {log}</translation>
    </message>
</context>
<context>
    <name>CLI pages</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Cannot read the list “{text}”</source>
        <translation>无法读取列表内容“{text}”</translation>
    </message>
</context>
<context>
    <name>Entries</name>
    <message>
        <source>Add entry</source>
        <translation>添加列表项</translation>
    </message>
    <message>
        <source>Lead term (bold)</source>
        <translation>引导词（加粗）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>删除列表项</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Also kept in %1</source>
        <translation>另已保存在 %1</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Colour profile {path} does not exist: in the layout&apos;s [print] profile or the settings file, write a bundled name ({known}) or the path of the .icc file the print shop gave you</source>
        <translation>色彩配置文件 {path} 不存在：请在版式的 [print] profile 或设置文件中写内置名称（{known}）或打印厂提供的 .icc 文件路径</translation>
    </message>
    <message>
        <source>Colour profile {path} ({description}) is not a CMYK output profile: the print variant needs the print shop&apos;s CMYK profile</source>
        <translation>色彩配置文件 {path}（{description}）不是 CMYK 输出配置文件：印刷版需要打印厂的 CMYK 配置文件</translation>
    </message>
    <message>
        <source>Colour profile {path} is not a valid ICC profile</source>
        <translation>色彩配置文件 {path} 不是有效的 ICC 配置文件</translation>
    </message>
    <message>
        <source>Cannot read image {asset}: {reason}</source>
        <translation>图片 {asset} 无法读取：{reason}</translation>
    </message>
    <message>
        <source>Section: {title}</source>
        <translation>栏目：{title}</translation>
    </message>
    <message>
        <source>Item: {title}</source>
        <translation>条目：{title}</translation>
    </message>
    <message>
        <source>Styles and page setup</source>
        <translation>样式与版面</translation>
    </message>
    <message>
        <source>Typesetting: {title}</source>
        <translation>排版：{title}</translation>
    </message>
    <message>
        <source>Writing the file</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Writing the PDF/X file</source>
        <translation>PDF/X 输出</translation>
    </message>
    <message>
        <source>Preparing fonts</source>
        <translation>准备字体</translation>
    </message>
    <message>
        <source>Typesetting</source>
        <translation>排版</translation>
    </message>
    <message>
        <source>No font of the layout has a glyph for the character “{char}” ({code}): it cannot be printed</source>
        <translation>字符“{char}”（{code}）在版式的字体中都没有字形，无法印出</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF, to print or to send</source>
        <translation>PDF：用于印刷或发送</translation>
    </message>
    <message>
        <source>DOCX, for reviewers in Word or WPS</source>
        <translation>DOCX：供审阅人在 Word 或 WPS 中批注</translation>
    </message>
    <message>
        <source>Print: CMYK, bleed and crop marks</source>
        <translation>印刷版：CMYK，带出血和裁切标记</translation>
    </message>
    <message>
        <source>Screen: RGB, trim size, live links</source>
        <translation>屏幕版：RGB，成品尺寸，链接可点击</translation>
    </message>
    <message>
        <source>PDF/X-4 (recommended)</source>
        <translation>PDF/X-4（推荐）</translation>
    </message>
    <message>
        <source>PDF/X-1a:2003</source>
        <translation>PDF/X-1a:2003</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>版式(&amp;L)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>&amp;Variant</source>
        <translation>版本(&amp;V)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>File &amp;name</source>
        <translation>文件名(&amp;N)</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>将写入</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <source>Enter a file name without folders.</source>
        <translation>请输入不含文件夹的文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>A screen PDF is RGB.</source>
        <translation>屏幕版 PDF 为 RGB 色彩。</translation>
    </message>
    <message>
        <source> (replaces the existing file)</source>
        <translation>（将替换现有文件）</translation>
    </message>
    <message>
        <source>Older standard (PDF 1.4): CMYK only, no transparency. Choose it when the print shop or its RIP asks for PDF/X-1a.</source>
        <translation>较早的标准（PDF 1.4）：仅 CMYK，不含透明。印厂或其 RIP 要求 PDF/X-1a 时选择。</translation>
    </message>
    <message>
        <source>Current standard (PDF 1.6): CMYK with the printer&apos;s colour profile; what most print shops ask for.</source>
        <translation>现行标准（PDF 1.6）：CMYK，并嵌入印刷色彩特性文件；多数印厂要求此标准。</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Network</source>
        <translation>网络名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tagline</source>
        <translation>标语</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Issue in year</source>
        <translation>本年期数</translation>
    </message>
    <message>
        <source>Cumulative issue</source>
        <translation>总期数</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>出版日期</translation>
    </message>
    <message>
        <source>Issues per year</source>
        <translation>每年期数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Event label</source>
        <translation>活动标签</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Words before the link</source>
        <translation>链接前的文字</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版方</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Source statement</source>
        <translation>来源声明</translation>
    </message>
    <message>
        <source>Compiled by</source>
        <translation>编译</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Lead paragraph</source>
        <translation>导语段落</translation>
    </message>
    <message>
        <source>Numbered</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>列表项</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图注</translation>
    </message>
    <message>
        <source>Width (share of column)</source>
        <translation>宽度（占栏宽比例）</translation>
    </message>
    <message>
        <source>Logos</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Numbering</source>
        <translation>期号</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Start on a new page</source>
        <translation>另起一页</translation>
    </message>
    <message>
        <source>Show organisation label</source>
        <translation>显示机构名称</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
</context>
<context>
    <name>FileManager</name>
    <message>
        <source>Bulletin files (*.bulletin)</source>
        <translation>简报文件 (*.bulletin)</translation>
    </message>
    <message>
        <source>Choose the previous issue</source>
        <translation>选择上一期</translation>
    </message>
    <message>
        <source>Could not start the next issue</source>
        <translation>无法开始下一期</translation>
    </message>
    <message>
        <source>Open issue</source>
        <translation>打开简报</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <source>%1

Open it read-only?</source>
        <translation>%1

以只读方式打开？</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Could not save the recovered work</source>
        <translation>无法保存恢复的工作</translation>
    </message>
    <message>
        <source>%1 (recovered %2)</source>
        <translation>%1（恢复于 %2）</translation>
    </message>
    <message>
        <source>Could not read the recovered work</source>
        <translation>无法读取恢复的工作</translation>
    </message>
    <message>
        <source>%1

The copy was kept as %2.</source>
        <translation>%1

该副本已保留为 %2。</translation>
    </message>
    <message>
        <source>bulletin</source>
        <translation>简报</translation>
    </message>
    <message>
        <source>Save issue as</source>
        <translation>简报另存为</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>是否保存对“%1”的更改？</translation>
    </message>
</context>
<context>
    <name>FontSetupView</name>
    <message>
        <source>Preparing fonts (first start only)</source>
        <translation>正在准备字体（仅首次启动）</translation>
    </message>
    <message>
        <source>Bulletin Studio converts the Chinese fonts of the layout once, so that the PDF can embed them. Each face takes 10–20 seconds; later starts skip this step. You can edit the issue meanwhile: the preview appears when the fonts are ready.</source>
        <translation>Bulletin Studio 需要将版式所用的中文字体转换一次，PDF 才能嵌入这些字体。每个字体约需 10–20 秒，以后启动时不再需要。转换期间可以继续编辑，字体就绪后即显示预览。</translation>
    </message>
    <message>
        <source>%1 of %2 font faces converted</source>
        <translation>已转换 %1 / %2 个字体</translation>
    </message>
    <message>
        <source>About %1 min left</source>
        <translation>约剩 %1 分钟</translation>
    </message>
    <message>
        <source>About %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>{family} ({reason})</source>
        <translation>{family}（{reason}）</translation>
    </message>
    <message>
        <source>No usable font: {families}</source>
        <translation>没有可用的字体：{families}</translation>
    </message>
    <message>
        <source>No usable “{role}” font: {families}</source>
        <translation>没有可用的“{role}”字体：{families}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Install one of these fonts, or name a font file for it in the settings.</source>
        <translation>请安装其中一种字体，或在设置中为该字体指定字体文件。</translation>
    </message>
    <message>
        <source>Install one of these fonts, for example: sudo apt-get install fonts-noto-cjk fonts-liberation2</source>
        <translation>请安装其中一种字体，例如：sudo apt-get install fonts-noto-cjk fonts-liberation2</translation>
    </message>
    <message>
        <source>{family} (not installed)</source>
        <translation>{family}（未安装）</translation>
    </message>
    <message>
        <source>{family} (cannot be converted: {reason})</source>
        <translation>{family}（无法转换：{reason}）</translation>
    </message>
    <message>
        <source>No usable font: tried {families}. {hint}</source>
        <translation>没有可用的字体：已尝试 {families}。{hint}</translation>
    </message>
    <message>
        <source>No usable “{role}” font: tried {families}. {hint}</source>
        <translation>没有可用的“{role}”字体：已尝试 {families}。{hint}</translation>
    </message>
    <message>
        <source>the file does not exist, is damaged or is not a font</source>
        <translation>文件不存在、已损坏或不是字体</translation>
    </message>
    <message>
        <source>The font file {path} named in the settings for “{family}” cannot be used ({problem}); the installed fonts are used instead</source>
        <translation>设置中为“{family}”指定的字体文件 {path} 无法使用（{problem}），已改用已安装的字体</translation>
    </message>
    <message>
        <source>Fonts are ready</source>
        <translation>字体已就绪</translation>
    </message>
    <message>
        <source>First use: converting {count} fonts (about 10–20 seconds each)…</source>
        <translation>首次使用：正在转换 {count} 个字体（每个约 10–20 秒）…</translation>
    </message>
    <message>
        <source>Font {done}/{count}: {family} {style}</source>
        <translation>字体 {done}/{count}：{family} {style}</translation>
    </message>
    <message>
        <source>Cannot read it: {detail}</source>
        <translation>无法读取：{detail}</translation>
    </message>
    <message>
        <source>The check timed out or its process ended abnormally</source>
        <translation>检查超时或进程异常退出</translation>
    </message>
    <message>
        <source>The check&apos;s process crashed or ran out of memory (the file may be damaged)</source>
        <translation>检查时进程崩溃或超出内存上限（文件可能已损坏）</translation>
    </message>
    <message>
        <source>Reading it ran out of memory (the file may be damaged)</source>
        <translation>读取时超出内存上限（文件可能已损坏）</translation>
    </message>
    <message>
        <source>The file is damaged or not a font: {detail}</source>
        <translation>文件已损坏或不是字体：{detail}</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
</context>
<context>
    <name>Images</name>
    <message>
        <source>Choose image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Alternative text (for screen readers)</source>
        <translation>替代文字（供读屏软件使用）</translation>
    </message>
    <message>
        <source>or drop an image file here</source>
        <translation>或将图片文件拖放到此处</translation>
    </message>
    <message>
        <source>Add logos…</source>
        <translation>添加标志…</translation>
    </message>
    <message>
        <source>or drop image files here</source>
        <translation>或将图片文件拖放到此处</translation>
    </message>
    <message>
        <source>Remove this logo</source>
        <translation>移除此标志</translation>
    </message>
</context>
<context>
    <name>Issue</name>
    <message>
        <source>The id “{id}” is used twice: every section, item and block needs its own</source>
        <translation>编号“{id}”重复：每个栏目、条目和段落的编号必须唯一</translation>
    </message>
</context>
<context>
    <name>IssueEditor</name>
    <message>
        <source>Add section</source>
        <translation>添加栏目</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>添加内容块</translation>
    </message>
    <message>
        <source>Insert snippet</source>
        <translation>插入常用段落</translation>
    </message>
    <message>
        <source>New paragraph</source>
        <translation>新段落</translation>
    </message>
    <message>
        <source>Add snippet</source>
        <translation>添加常用段落</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Resolve note</source>
        <translation>标记意见已处理</translation>
    </message>
    <message>
        <source>Accept change</source>
        <translation>接受修订</translation>
    </message>
    <message>
        <source>Reject change</source>
        <translation>拒绝修订</translation>
    </message>
    <message>
        <source>Accept all changes</source>
        <translation>接受全部修订</translation>
    </message>
    <message>
        <source>Reject all changes</source>
        <translation>拒绝全部修订</translation>
    </message>
    <message>
        <source>Reply to note</source>
        <translation>回复审阅意见</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Partner news</source>
        <translation>合作伙伴动态</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>插图</translation>
    </message>
    <message>
        <source>Logo strip</source>
        <translation>标志栏</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引语</translation>
    </message>
    <message>
        <source>Source line</source>
        <translation>来源行</translation>
    </message>
    <message>
        <source>Network news</source>
        <translation>网络最新进展</translation>
    </message>
    <message>
        <source>Programme news</source>
        <translation>计划最新进展</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Unknown placeholder {placeholder} (known: {known})</source>
        <translation>未知的占位符 {placeholder}（可用：{known}）</translation>
    </message>
    <message>
        <source>A brace without its pair: write placeholders as {example}</source>
        <translation>括号不成对：占位符应写作 {example}</translation>
    </message>
    <message>
        <source>CMYK values must be between 0 and 1</source>
        <translation>CMYK 值必须在 0 到 1 之间</translation>
    </message>
    <message>
        <source>overprint: only a black-only colour (C = M = Y = 0) may overprint</source>
        <translation>overprint：只有单用黑版的颜色（C = M = Y = 0）可以压印</translation>
    </message>
    <message>
        <source>styles: missing {names}</source>
        <translation>styles：缺少 {names}</translation>
    </message>
    <message>
        <source>fonts: missing {names}</source>
        <translation>fonts：缺少 {names}</translation>
    </message>
    <message>
        <source>colors: {names} used but not defined</source>
        <translation>colors：{names} 已使用但未定义</translation>
    </message>
    <message>
        <source>colors: {names} exceed the total ink limit of {limit} %</source>
        <translation>colors：{names} 超过总墨量上限 {limit} %</translation>
    </message>
    <message>
        <source>columns: each section kind takes 1 to 3 columns</source>
        <translation>columns：每种栏目只能分 1 到 3 栏</translation>
    </message>
    <message>
        <source>page: margin_inner {inner} + margin_outer {outer} mm leave {left} mm of a {width} mm wide page; at least {least} mm</source>
        <translation>page：margin_inner {inner} + margin_outer {outer} mm 使 {width} mm 宽的页面只剩 {left} mm，至少应留 {least} mm</translation>
    </message>
    <message>
        <source>page: margin_top {top} + margin_bottom {bottom} mm leave {left} mm of a {height} mm high page; at least {least} mm</source>
        <translation>page：margin_top {top} + margin_bottom {bottom} mm 使 {height} mm 高的页面只剩 {left} mm，至少应留 {least} mm</translation>
    </message>
    <message>
        <source>page.column_gap: {count} columns for {kind} with a {gap} mm gap are narrower than {least} mm</source>
        <translation>page.column_gap：{kind} 分 {count} 栏、栏距 {gap} mm 时每栏窄于 {least} mm</translation>
    </message>
    <message>
        <source>masthead.band_height: {height} mm leaves no room for the table of contents on the cover</source>
        <translation>masthead.band_height：{height} mm 使封面没有放目录的空间</translation>
    </message>
    <message>
        <source>figures.logo_height: taller than the text area</source>
        <translation>figures.logo_height：高于版心</translation>
    </message>
    <message>
        <source>Layout file {path}: key {key}: {problem}</source>
        <translation>版式文件 {path}：键 {key}：{problem}</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>There is no layout “{name}” (available: {known})</source>
        <translation>版式“{name}”不存在（可用：{known}）</translation>
    </message>
    <message>
        <source>Layout file {path}: key extends: the layouts extend each other in a loop</source>
        <translation>版式文件 {path}：键 extends：循环继承</translation>
    </message>
    <message>
        <source>Cannot read layout file {path}: {reason}</source>
        <translation>版式文件 {path} 无法读取：{reason}</translation>
    </message>
    <message>
        <source>Layout file {path}: key extends: should be the name of a layout</source>
        <translation>版式文件 {path}：键 extends：应为版式名称</translation>
    </message>
</context>
<context>
    <name>Layouts</name>
    <message>
        <source>%1 × %2 mm</source>
        <translation>%1 × %2 毫米</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>The link is empty: give an address starting http://, https:// or mailto:</source>
        <translation>链接为空：请填写以 http://、https:// 或 mailto: 开头的网址</translation>
    </message>
    <message>
        <source>The link “{url}” contains spaces: remove them or write %20</source>
        <translation>链接“{url}”含有空格：请删除空格或改用 %20</translation>
    </message>
    <message>
        <source>The link “{url}” is not valid: only addresses starting http://, https:// or mailto: are accepted</source>
        <translation>链接“{url}”无效：只接受以 http://、https:// 或 mailto: 开头的网址</translation>
    </message>
    <message>
        <source>The link “{url}” has no site address (like https://www.example.org)</source>
        <translation>链接“{url}”缺少网站地址（如 https://www.example.org）</translation>
    </message>
    <message>
        <source>The email address “{address}” has no @</source>
        <translation>电子邮箱“{address}”无效：缺少 @ 符号</translation>
    </message>
    <message>
        <source>The email address “{address}” has no name before the @</source>
        <translation>电子邮箱“{address}”无效：@ 之前缺少用户名</translation>
    </message>
    <message>
        <source>The email address “{address}” has no domain after the @</source>
        <translation>电子邮箱“{address}”无效：@ 之后缺少域名</translation>
    </message>
    <message>
        <source>The email address “{address}” is not valid: write it like name@example.org</source>
        <translation>电子邮箱“{address}”无效：格式应如 name@example.org</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Empty issue</source>
        <translation>空白简报(&amp;E)</translation>
    </message>
    <message>
        <source>From the &amp;sample</source>
        <translation>基于示例(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next issue from a previous one…</source>
        <translation>基于上一期新建下一期(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Pre&amp;flight for print</source>
        <translation>印前检查(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import review comments…</source>
        <translation>导入审阅意见(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Bulletin Studio</source>
        <translation>关于简报工作室(&amp;A)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>适合整页(&amp;P)</translation>
    </message>
    <message>
        <source>Page &amp;thumbnails</source>
        <translation>页面缩略图(&amp;T)</translation>
    </message>
    <message>
        <source>Preview &amp;layout</source>
        <translation>预览版式(&amp;L)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies when Bulletin Studio restarts.</source>
        <translation>新的界面语言将在重新启动简报工作室后生效。</translation>
    </message>
    <message>
        <source>About Bulletin Studio</source>
        <translation>关于简报工作室</translation>
    </message>
    <message>
        <source>Bulletin Studio composes the quarterly bulletin: fill in the forms, watch the print-accurate preview, export PDF and DOCX, bring reviewers&apos; comments back.</source>
        <translation>简报工作室用于编辑季度简报：填写表单，查看与印刷一致的预览，导出 PDF 和 DOCX，并导回审阅者的意见。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>Could not open the sample</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>Import review comments</source>
        <translation>导入审阅意见</translation>
    </message>
    <message>
        <source>Reviewed Word files (*.docx)</source>
        <translation>审阅后的 Word 文件 (*.docx)</translation>
    </message>
    <message>
        <source>Review import is not available in this build.</source>
        <translation>此版本不支持导入审阅意见。</translation>
    </message>
    <message>
        <source>Could not import the review</source>
        <translation>无法导入审阅意见</translation>
    </message>
    <message>
        <source>%1: %2 notes added, %3 already imported</source>
        <translation>%1：新增 %2 条意见，%3 条此前已导入</translation>
    </message>
</context>
<context>
    <name>NodeForms</name>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Masthead and numbering</source>
        <translation>刊头与期号</translation>
    </message>
    <message>
        <source>Masthead</source>
        <translation>刊头</translation>
    </message>
    <message>
        <source>Numbering</source>
        <translation>期号</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>出版周期</translation>
    </message>
    <message>
        <source>Colophon</source>
        <translation>版权页</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>常用段落</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Make the reviewer&apos;s change in the text</source>
        <translation>在正文中按审阅人的修订修改</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Leave the text as it is and close the change</source>
        <translation>保留原文并关闭这处修订</translation>
    </message>
    <message>
        <source>Accept all in item</source>
        <translation>接受本条全部修订</translation>
    </message>
    <message>
        <source>Reject all in item</source>
        <translation>拒绝本条全部修订</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>On text</source>
        <translation>针对文字</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Other notes</source>
        <translation>其他意见</translation>
    </message>
    <message>
        <source>Inserted: </source>
        <translation>插入：</translation>
    </message>
    <message>
        <source>Deleted: </source>
        <translation>删除：</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Tick when resolved</source>
        <translation>处理后请勾选</translation>
    </message>
    <message>
        <source>%1 changes made; %2 left open, for example: %3</source>
        <translation>已修改 %1 处；%2 处未能修改，例如：%3</translation>
    </message>
    <message>
        <source>Review notes (%1 open)</source>
        <translation>审阅意见（%1 条未处理）</translation>
    </message>
</context>
<context>
    <name>Numbering</name>
    <message>
        <source>The overall number ({cumulative}) cannot be less than the number in the year ({number})</source>
        <translation>总期数（{cumulative}）不能小于本年期数（{number}）</translation>
    </message>
    <message>
        <source>No issue can follow {label} (the year goes up to {last_year}, the overall number up to {max_cumulative})</source>
        <translation>{label}之后无法再编号（年份最多 {last_year}，总期数最多 {max_cumulative}）</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>Masthead · %1</source>
        <translation>刊头 · %1</translation>
    </message>
    <message>
        <source>Colophon</source>
        <translation>版权页</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>常用段落</translation>
    </message>
    <message>
        <source>(untitled section)</source>
        <translation>（未命名栏目）</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>新建文章</translation>
    </message>
    <message>
        <source>New partner news</source>
        <translation>新建合作伙伴动态</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>新建资源</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新建栏目</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一条</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一条</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>常用段落</translation>
    </message>
</context>
<context>
    <name>Pipeline</name>
    <message>
        <source>“{title}” has errors and was not exported: {problem}</source>
        <translation>“{title}”有错误，未导出：{problem}</translation>
    </message>
    <message>
        <source>“{title}” has errors and was not exported: {problem} ({more} more errors)</source>
        <translation>“{title}”有错误，未导出：{problem}（另有 {more} 个错误）</translation>
    </message>
    <message>
        <source>The environment variable SOURCE_DATE_EPOCH is “{epoch}”, not a number of seconds: set it to a whole number (such as 1735689600) or remove it</source>
        <translation>环境变量 SOURCE_DATE_EPOCH 的值“{epoch}”不是秒数：请设为整数（如 1735689600）或删除</translation>
    </message>
    <message>
        <source>Exporting {format} failed: {error}</source>
        <translation>导出 {format} 时出错：{error}</translation>
    </message>
    <message>
        <source>Exporting {format} failed ({where}): {error}</source>
        <translation>导出 {format} 时出错（{where}）：{error}</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>{reason} ({asset}…): choose this image again</source>
        <translation>{reason}（{asset}…）：请重新选择这张图片</translation>
    </message>
    <message>
        <source>At its printed size the image has only {ppi} ppi (at least {min_ppi} ppi recommended) and may print blurred: {width}×{height} pixels</source>
        <translation>图片分辨率按印刷尺寸只有 {ppi} ppi（建议至少 {min_ppi} ppi），印出来可能发虚：{width}×{height} 像素</translation>
    </message>
    <message>
        <source>Page furniture (masthead, headers, footers, crop marks)</source>
        <translation>页面装饰（刊头、页眉、页脚、裁切标记）</translation>
    </message>
    <message>
        <source>Output intent</source>
        <translation>输出意图</translation>
    </message>
    <message>
        <source>Page boxes</source>
        <translation>页面框</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Colour conversion</source>
        <translation>色彩转换</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色彩</translation>
    </message>
    <message>
        <source>Transparency</source>
        <translation>透明</translation>
    </message>
    <message>
        <source>Small text in several inks</source>
        <translation>小字套印</translation>
    </message>
    <message>
        <source>Small reversed text</source>
        <translation>反白小字</translation>
    </message>
    <message>
        <source>Safe margin</source>
        <translation>安全边距</translation>
    </message>
    <message>
        <source>Hairlines</source>
        <translation>细线</translation>
    </message>
    <message>
        <source>Total ink</source>
        <translation>总墨量</translation>
    </message>
    <message>
        <source>Image resolution</source>
        <translation>图片分辨率</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Export as PDF/X-4 instead</source>
        <translation>改用 PDF/X-4 导出</translation>
    </message>
    <message>
        <source>Export again with bulletin-studio export --variant print --pdfx {standard}</source>
        <translation>用 bulletin-studio export --variant print --pdfx {standard} 重新导出</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The file does not declare itself {name} (GTS_PDFXVersion: {found})</source>
        <translation>文件未声明为 {name}（GTS_PDFXVersion：{found}）</translation>
    </message>
    <message>
        <source>The XMP metadata does not identify the file as {name}</source>
        <translation>XMP 元数据中没有 {name} 的版本标识</translation>
    </message>
    <message>
        <source>Trapped in the Info dictionary should be True or False</source>
        <translation>Info 字典的 Trapped 应为 True 或 False</translation>
    </message>
    <message>
        <source>PDF version {version} does not conform to {name}</source>
        <translation>PDF 版本 {version} 不符合 {name}</translation>
    </message>
    <message>
        <source>The file has no document ID</source>
        <translation>文件没有文档 ID</translation>
    </message>
    <message>
        <source>No GTS_PDFX output intent (the printing condition is unknown)</source>
        <translation>没有 GTS_PDFX 输出意图（印刷条件未知）</translation>
    </message>
    <message>
        <source>The output intent embeds no CMYK output profile</source>
        <translation>输出意图没有嵌入 CMYK 输出配置文件</translation>
    </message>
    <message>
        <source>Printing condition: {condition} (CMYK profile embedded)</source>
        <translation>印刷条件：{condition}（CMYK 配置文件已嵌入）</translation>
    </message>
    <message>
        <source>The page has no TrimBox (the trimmed size)</source>
        <translation>页面没有 TrimBox（成品尺寸）</translation>
    </message>
    <message>
        <source>The page has both a TrimBox and an ArtBox</source>
        <translation>页面同时有 TrimBox 和 ArtBox</translation>
    </message>
    <message>
        <source>A {kind} annotation inside the bleed box (PDF/X forbids it)</source>
        <translation>出血框内有 {kind} 注释（PDF/X 不允许）</translation>
    </message>
    <message>
        <source>A print file carries no links: export the print variant (--variant print); the links stay in the screen variant</source>
        <translation>印刷文件不带链接：用印刷版（--variant print）导出，链接留在屏幕版</translation>
    </message>
    <message>
        <source>Font {name} is not embedded</source>
        <translation>字体 {name} 没有嵌入</translation>
    </message>
    <message>
        <source>Choose a font that can be embedded in the layout (bulletin-studio fonts lists the fonts actually used)</source>
        <translation>在版式中换用可嵌入的字体（bulletin-studio fonts 列出实际使用的字体）</translation>
    </message>
    <message>
        <source>All {count} font subsets are embedded: {families}</source>
        <translation>{count} 个字体子集全部嵌入：{families}</translation>
    </message>
    <message>
        <source>photo: relative colorimetric with black point compensation</source>
        <translation>照片：相对比色 + 黑场补偿</translation>
    </message>
    <message>
        <source>line art: neutral colours in black only</source>
        <translation>线条图：中性色只用黑版</translation>
    </message>
    <message>
        <source>greyscale: black only</source>
        <translation>灰度图：只用黑版</translation>
    </message>
    <message>
        <source>already CMYK, kept as it is</source>
        <translation>已是 CMYK，原样保留</translation>
    </message>
    <message>
        <source>Image {asset}: {source} → {target} ({kind})</source>
        <translation>图片 {asset}：{source} → {target}（{kind}）</translation>
    </message>
    <message>
        <source>Image {asset}: {source} → {target} ({kind}; transparent parts composited onto paper white)</source>
        <translation>图片 {asset}：{source} → {target}（{kind}；透明部分已合成到纸白）</translation>
    </message>
    <message>
        <source>The page content uses an RGB colour ({space}); {name} forbids it</source>
        <translation>页面内容使用 RGB 颜色（{space}），{name} 不允许</translation>
    </message>
    <message>
        <source>Give the colour CMYK values in the layout and export the print variant</source>
        <translation>在版式中为该颜色给出 CMYK 值，并用印刷版导出</translation>
    </message>
    <message>
        <source>Transparency is used; PDF/X-1a forbids it</source>
        <translation>使用了透明效果，PDF/X-1a 不允许</translation>
    </message>
    <message>
        <source>{size} pt text printed in {inks} inks shows colour fringes when the register is slightly off</source>
        <translation>{size} pt 的文字用 {inks} 色印刷，套印稍有偏差就会出现彩边</translation>
    </message>
    <message>
        <source>Print text smaller than {limit} pt in one ink (such as 100 % K)</source>
        <translation>小于 {limit} pt 的文字只用一种油墨（如 100 % K）</translation>
    </message>
    <message>
        <source>{size} pt white (reversed) text fills in when the inks around it spread</source>
        <translation>{size} pt 的白色（反白）文字，周围油墨扩散时容易糊字</translation>
    </message>
    <message>
        <source>Make reversed text at least {limit} pt, or use a bolder font</source>
        <translation>反白文字至少 {limit} pt，或用粗一些的字体</translation>
    </message>
    <message>
        <source>Text less than 3 mm from the trim edge may be cut off</source>
        <translation>文字距离裁切线不到 3 mm，可能被裁掉</translation>
    </message>
    <message>
        <source>Move the text into the type area (widen the layout&apos;s margins)</source>
        <translation>把文字移入版心（加大版式的页边距）</translation>
    </message>
    <message>
        <source>The line is only {width} pt wide (thinner than {limit} pt) and may break up or vanish in print</source>
        <translation>线宽只有 {width} pt（细于 {limit} pt），印刷时可能断线或消失</translation>
    </message>
    <message>
        <source>Make lines at least {limit} pt wide</source>
        <translation>线宽至少 {limit} pt</translation>
    </message>
    <message>
        <source>Total ink {coverage} %, more than the {limit} % the printing condition allows</source>
        <translation>总墨量 {coverage} %，超过印刷条件允许的 {limit} %</translation>
    </message>
    <message>
        <source>Lower the colour&apos;s CMYK values (dark colours mostly in black, such as 60/40/40/100 or less)</source>
        <translation>降低该颜色的 CMYK 值（深色用黑版为主，如 60/40/40/100 以下）</translation>
    </message>
    <message>
        <source>{width}×{height} pixels, printed at {width_mm}×{height_mm} mm</source>
        <translation>{width}×{height} 像素，印刷尺寸 {width_mm}×{height_mm} mm</translation>
    </message>
    <message>
        <source>At its printed size the image has only {ppi} ppi ({size})</source>
        <translation>图片按印刷尺寸只有 {ppi} ppi（{size}）</translation>
    </message>
    <message>
        <source>Use a larger original (at least {min_ppi} ppi) or print the image smaller</source>
        <translation>换用更大的原图（至少 {min_ppi} ppi），或把图片放小</translation>
    </message>
    <message>
        <source>At its printed size the image has {ppi} ppi ({size}); more than {max_ppi} ppi only makes the file larger</source>
        <translation>图片按印刷尺寸有 {ppi} ppi（{size}），超过 {max_ppi} ppi 只会让文件变大</translation>
    </message>
    <message>
        <source>You can scale the original down (300 ppi is enough for print)</source>
        <translation>可以缩小原图（印刷 300 ppi 足够）</translation>
    </message>
    <message>
        <source>The image&apos;s colour space is {space}; {name} forbids it</source>
        <translation>图片的色彩空间是 {space}，{name} 不允许</translation>
    </message>
    <message>
        <source>Export the print variant: images are converted to CMYK for the output profile</source>
        <translation>用印刷版导出：图片会按输出配置文件转换为 CMYK</translation>
    </message>
    <message>
        <source>The image has a transparency mask; PDF/X-1a forbids it</source>
        <translation>图片带透明蒙版，PDF/X-1a 不允许</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>Print preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <source>PDF/X-4</source>
        <translation>PDF/X-4</translation>
    </message>
    <message>
        <source>PDF/X-1a:2003</source>
        <translation>PDF/X-1a:2003</translation>
    </message>
    <message>
        <source>Check print file</source>
        <translation>检查印刷文件</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Could not check: %1</source>
        <translation>无法检查：%1</translation>
    </message>
    <message>
        <source>the print shop would refuse it</source>
        <translation>印刷厂会退回</translation>
    </message>
    <message>
        <source>ready for the print shop</source>
        <translation>可以交付印刷</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings: %3</source>
        <translation>%1 个错误，%2 个警告：%3</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>PreviewBar</name>
    <message>
        <source>Layout the preview shows</source>
        <translation>预览所用的版式</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷版</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>屏幕版</translation>
    </message>
    <message>
        <source>Print: CMYK with bleed and crop marks; screen: RGB at trim size. Only the preview: the export dialog has its own choice.</source>
        <translation>印刷版：CMYK，带出血和裁切标记；屏幕版：RGB，成品尺寸。仅影响预览，导出对话框另有选择。</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Show page thumbnails</source>
        <translation>显示页面缩略图</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>当前页</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合整页</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preparing preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>Render failed</source>
        <translation>排版失败</translation>
    </message>
    <message>
        <source>The preview could not be drawn:
%1</source>
        <translation>无法生成预览：
%1</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>“{place}” {message}</source>
        <translation>“{place}” {message}</translation>
    </message>
    <message>
        <source>Masthead</source>
        <translation>报头</translation>
    </message>
    <message>
        <source>Colophon</source>
        <translation>版权页</translation>
    </message>
    <message>
        <source>Numbering</source>
        <translation>期号</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>The issue has no sections yet</source>
        <translation>本期还没有栏目</translation>
    </message>
    <message>
        <source>The section title is empty</source>
        <translation>栏目标题为空</translation>
    </message>
    <message>
        <source>Section “{title}” has no items</source>
        <translation>栏目“{title}”没有条目</translation>
    </message>
    <message>
        <source>The colophon has no editor&apos;s name</source>
        <translation>版权页缺少编辑姓名</translation>
    </message>
    <message>
        <source>Overall number {cumulative} does not follow the previous issue&apos;s {previous}</source>
        <translation>总第{cumulative}期不大于上一期的总第{previous}期</translation>
    </message>
    <message>
        <source>The year {year} is before the previous issue&apos;s {previous}</source>
        <translation>年份 {year} 早于上一期的 {previous}</translation>
    </message>
    <message>
        <source>The title is long ({length} characters): the table of contents, bookmarks and section banners show only its first {limit}</source>
        <translation>标题过长（{length} 字）：目录、书签和栏目标题条中只显示前 {limit} 字</translation>
    </message>
    <message>
        <source>The title is empty</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>Resource “{title}” has no link</source>
        <translation>资源“{title}”没有链接</translation>
    </message>
    <message>
        <source>“{title}” has no text yet</source>
        <translation>“{title}”还没有正文</translation>
    </message>
    <message>
        <source>The paragraph is empty</source>
        <translation>段落为空</translation>
    </message>
    <message>
        <source>No image chosen for the figure yet</source>
        <translation>插图还没有选择图片</translation>
    </message>
    <message>
        <source>No caption</source>
        <translation>缺少图注</translation>
    </message>
    <message>
        <source>The logo strip has no logos</source>
        <translation>标志栏没有标志</translation>
    </message>
    <message>
        <source>The list is empty</source>
        <translation>列表为空</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Masthead and numbering</source>
        <translation>刊头与期号</translation>
    </message>
    <message>
        <source>Colophon</source>
        <translation>版权页</translation>
    </message>
    <message>
        <source>Snippet “%1”</source>
        <translation>常用段落“%1”</translation>
    </message>
    <message>
        <source>%1 (untitled)</source>
        <translation>%1（无标题）</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>an untitled issue</source>
        <translation>未命名的简报</translation>
    </message>
    <message>
        <source>Bulletin Studio did not close properly while %1 had unsaved changes. They were kept.</source>
        <translation>Bulletin Studio 未正常关闭，当时%1有未保存的修改，这些修改已保留下来。</translation>
    </message>
    <message>
        <source>Copy saved: %1</source>
        <translation>副本保存于：%1</translation>
    </message>
    <message>
        <source>File saved: %1</source>
        <translation>文件保存于：%1</translation>
    </message>
    <message>
        <source>The file was saved after this copy: restoring replaces that version.</source>
        <translation>文件在此副本之后又保存过：恢复将取代那个版本。</translation>
    </message>
    <message>
        <source>The file itself could not be read: %1</source>
        <translation>文件本身无法读取：%1</translation>
    </message>
    <message>
        <source>Restore: go on with the recovered work; the file changes when you save.</source>
        <translation>恢复：继续编辑恢复的工作；保存时才会修改文件。</translation>
    </message>
    <message>
        <source>Keep both: save the recovered work beside the file as “%1” and open it; the file stays as it is.</source>
        <translation>都保留：把恢复的工作另存为原文件旁的“%1”并打开；原文件保持不变。</translation>
    </message>
    <message>
        <source>Discard: delete the recovered work.</source>
        <translation>丢弃：删除恢复的工作。</translation>
    </message>
    <message>
        <source>Later: open nothing now; the recovered work is offered again.</source>
        <translation>稍后：现在不打开；下次会再次提供恢复的工作。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>都保留</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Parts changed: %1 (about %2 characters typed or deleted)</source>
        <translation>改动：%1 处（约输入或删除了 %2 个字符）</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>另有 %1 处</translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>位置：%1</translation>
    </message>
    <message>
        <source>Sections, items or blocks were also moved.</source>
        <translation>栏目、条目或内容块的顺序也有变动。</translation>
    </message>
    <message>
        <source>Masthead and numbering</source>
        <translation>刊头与期号</translation>
    </message>
    <message>
        <source>Colophon</source>
        <translation>版权页</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>Unknown kind of item: {kind}</source>
        <translation>未知条目类型：{kind}</translation>
    </message>
    <message>
        <source>The image is not among the file&apos;s resources</source>
        <translation>图片不在文件的资源中</translation>
    </message>
    <message>
        <source>Unusable image size ({width}×{height} pixels)</source>
        <translation>图片尺寸不可用（{width}×{height} 像素）</translation>
    </message>
    <message>
        <source>The image data is damaged and cannot be decoded: {error}</source>
        <translation>图片数据已损坏，无法解码：{error}</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply to %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <source>note</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>回复：</translation>
    </message>
    <message>
        <source>Signed:</source>
        <translation>署名：</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>The change at {offset} is beyond the end of its paragraph ({length} characters)</source>
        <translation>修订位置 {offset} 超出了所在段落（共 {length} 字）</translation>
    </message>
    <message>
        <source>Only a tracked change (an insertion or deletion) is accepted or rejected</source>
        <translation>只有修订（插入或删除）才能接受或拒绝</translation>
    </message>
    <message>
        <source>{where}: has been deleted, so “{text}” cannot be deleted in it; make the change by hand</source>
        <translation>{where}：已删除，无法在其中删除“{text}”，请手动处理</translation>
    </message>
    <message>
        <source>{where}: has been deleted, so “{text}” cannot be inserted in it; make the change by hand</source>
        <translation>{where}：已删除，无法在其中插入“{text}”，请手动处理</translation>
    </message>
    <message>
        <source>{where}: deleting “{text}” would lose its bold, italic or links; make the change by hand</source>
        <translation>{where}：删除“{text}”后无法保持原有的粗体、斜体或链接，请手动修改</translation>
    </message>
    <message>
        <source>{where}: inserting “{text}” would lose the bold, italic or links around it; make the change by hand</source>
        <translation>{where}：插入“{text}”后无法保持原有的粗体、斜体或链接，请手动修改</translation>
    </message>
    <message>
        <source>{where}: this change has already been accepted</source>
        <translation>{where}：这处修订已经接受过了</translation>
    </message>
    <message>
        <source>{where}: this change has already been rejected</source>
        <translation>{where}：这处修订已经拒绝过了</translation>
    </message>
    <message>
        <source>{where}: this change has no recorded place (an import by an older version, or it spans paragraphs), so it cannot be made automatically; make it by hand</source>
        <translation>{where}：这处修订没有记下位置（来自旧版本的导入，或跨越了段落），无法自动修改，请对照修订手动修改</translation>
    </message>
    <message>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <source>{where}: “{field}” holds input that failed its check; correct it first, then accept the change</source>
        <translation>{where}：“{field}”中有未通过检查的输入，请先改正它，再接受修订</translation>
    </message>
    <message>
        <source>{where}: the text with the change made is refused ({reason}); make the change by hand</source>
        <translation>{where}：接受修订后的文字不被接受（{reason}），请手动修改</translation>
    </message>
    <message>
        <source>Cannot find the change “{id}”</source>
        <translation>找不到修订“{id}”</translation>
    </message>
    <message>
        <source>(not on an item)</source>
        <translation>（未对应到条目）</translation>
    </message>
    <message>
        <source>Paragraph {block} of “{title}”</source>
        <translation>“{title}”的段落 {block}</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <source>{where}: this change overlaps one already accepted; make it by hand</source>
        <translation>{where}：这处修订与已接受的修订重叠，请手动修改</translation>
    </message>
    <message>
        <source>{where}: the record of the change is incomplete (the deleted text does not match the paragraph); make it by hand</source>
        <translation>{where}：修订记录不完整（删除的文字与段落对不上），请手动修改</translation>
    </message>
    <message>
        <source>the changed text is no longer as it was reviewed (it was edited after the export); make the change by hand</source>
        <translation>被修订的文字已与审阅时不同（导出后又改过），请对照修订手动修改</translation>
    </message>
    <message>
        <source>the same text is in several places, so which one the change is in is unclear; make it by hand</source>
        <translation>有几处相同的文字，无法确定修订在哪一处，请手动修改</translation>
    </message>
    <message>
        <source>the comment</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <source>the commented text</source>
        <translation>被评论的原文</translation>
    </message>
    <message>
        <source>… ({what} is too long, {length} characters: only the first {kept} are kept; the whole text is in {source})</source>
        <translation>……（{what}过长，共 {length} 字，只保留了前 {kept} 字；全文见 {source}）</translation>
    </message>
    <message>
        <source>“{name}” comes from another issue: none of its bookmarks matches an item of this one</source>
        <translation>“{name}”来自另一期简报：其中的书签与本期的条目都对应不上</translation>
    </message>
    <message>
        <source>Cannot read the file “{name}”: {reason}</source>
        <translation>无法读取文件“{name}”：{reason}</translation>
    </message>
    <message>
        <source>“{name}” is too large ({size} MB) to be a reviewed bulletin</source>
        <translation>“{name}”过大（{size} MB），不像审阅后的简报</translation>
    </message>
    <message>
        <source>“{name}” is not a DOCX file (it is not a ZIP archive, or it is encrypted)</source>
        <translation>“{name}”不是 DOCX 文件（不是 ZIP 压缩包，或已加密）</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be opened: {reason}</source>
        <translation>“{name}”已损坏，无法打开：{reason}</translation>
    </message>
    <message>
        <source>“{name}” holds {count} files: it does not look like a Word document</source>
        <translation>“{name}”包含 {count} 个文件，不像 Word 文档</translation>
    </message>
    <message>
        <source>“{name}” is not a Word document (it has no word/document.xml)</source>
        <translation>“{name}”不是 Word 文档（找不到正文 word/document.xml）</translation>
    </message>
    <message>
        <source>{part} in “{name}” is damaged: {reason}</source>
        <translation>“{name}”中的 {part} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{part} in “{name}” is not valid XML: {reason}</source>
        <translation>“{name}”中的 {part} 不是有效的 XML：{reason}</translation>
    </message>
    <message>
        <source>{part} in “{name}” holds a DTD declaration (possibly an XML bomb): not imported</source>
        <translation>“{name}”中的 {part} 含有 DTD 声明（可能是 XML 炸弹），已拒绝导入</translation>
    </message>
    <message>
        <source>{part} in “{name}” is over {limit} MB unpacked: not imported</source>
        <translation>“{name}”中的 {part} 解压后超过 {limit} MB，已拒绝导入</translation>
    </message>
    <message>
        <source>“{name}” is not a bulletin exported by Bulletin Studio (it has no item bookmarks), so its comments cannot be matched to items</source>
        <translation>“{name}”不是本软件导出的简报（找不到条目书签），无法把评论对应到条目</translation>
    </message>
</context>
<context>
    <name>RichText</name>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>加粗 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italic (Ctrl+I)</source>
        <translation>倾斜 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Link (Ctrl+K)</source>
        <translation>链接 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>插入链接</translation>
    </message>
    <message>
        <source>Address (https://…):</source>
        <translation>网址（https://…）：</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file {path} cannot be read: {reason}</source>
        <translation>设置文件 {path} 无法读取：{reason}</translation>
    </message>
    <message>
        <source>Settings file {path}: the key fonts should be a table (family = &quot;font file path&quot;)</source>
        <translation>设置文件 {path}：键 fonts 应为表（family = &quot;字体文件路径&quot;）</translation>
    </message>
    <message>
        <source>Settings file {path}: the key fonts.{family} should be a font file path</source>
        <translation>设置文件 {path}：键 fonts.{family} 应为字体文件路径</translation>
    </message>
    <message>
        <source>Settings file {path}: the key print should be a table (profile = &quot;ICC file path&quot;)</source>
        <translation>设置文件 {path}：键 print 应为表（profile = &quot;ICC 文件路径&quot;）</translation>
    </message>
    <message>
        <source>Settings file {path}: the key print.profile should be an ICC file path</source>
        <translation>设置文件 {path}：键 print.profile 应为 ICC 文件路径</translation>
    </message>
</context>
<context>
    <name>Snippets</name>
    <message>
        <source>Delete snippet</source>
        <translation>删除常用段落</translation>
    </message>
    <message>
        <source>Paragraphs that recur from issue to issue. Insert one into an article or partner news with “Add block” → “Insert snippet”; the next issue keeps them.</source>
        <translation>每期都要用到的段落。在文章或合作伙伴动态中，通过“添加内容块”→“插入常用段落”插入；下一期会保留这些段落。</translation>
    </message>
    <message>
        <source>Add snippet</source>
        <translation>添加常用段落</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The image is too large ({size} MB): at most {limit} MB</source>
        <translation>图片过大（{size} MB）：最大 {limit} MB</translation>
    </message>
    <message>
        <source>Not recognised as an image: only PNG, JPEG, GIF and WebP are accepted</source>
        <translation>无法识别为图片：只接受 PNG、JPEG、GIF、WebP</translation>
    </message>
    <message>
        <source>The image cannot be read (it may be damaged): {reason}</source>
        <translation>图片无法读取（可能已损坏）：{reason}</translation>
    </message>
    <message>
        <source>Unsupported image format {kind}: only PNG, JPEG, GIF and WebP are accepted</source>
        <translation>不支持的图片格式 {kind}：只接受 PNG、JPEG、GIF、WebP</translation>
    </message>
    <message>
        <source>The image has too many pixels ({width}×{height}): at most {limit} megapixels</source>
        <translation>图片像素过多（{width}×{height}）：最多 {limit} 百万像素</translation>
    </message>
    <message>
        <source>Cannot read the image {name}: {reason}</source>
        <translation>无法读取图片 {name}：{reason}</translation>
    </message>
    <message>
        <source>Image {name}: {message}</source>
        <translation>图片 {name}：{message}</translation>
    </message>
    <message>
        <source>Cannot save the file {name}: {reason}</source>
        <translation>无法保存文件 {name}：{reason}</translation>
    </message>
    <message>
        <source>The file {path} does not exist</source>
        <translation>文件 {path} 不存在</translation>
    </message>
    <message>
        <source>Cannot read the file {name}: {reason}</source>
        <translation>无法读取文件 {name}：{reason}</translation>
    </message>
    <message>
        <source>an image this issue uses is missing</source>
        <translation>缺少本期引用的图片</translation>
    </message>
    <message>
        <source>the image does not match its name (the hash of its content): the file may be damaged</source>
        <translation>图片内容与其名称（内容哈希）不符，文件可能已损坏</translation>
    </message>
    <message>
        <source>Cannot save: images missing: {names}</source>
        <translation>无法保存：缺少图片 {names}</translation>
    </message>
    <message>
        <source>Cannot save the file {name}: {reason}, so it could not be opened again. Shorten what is too long (review notes, for example) and save again; the file was not changed</source>
        <translation>无法保存文件 {name}：{reason}，保存后将无法再打开。请删减过长的内容（如审阅意见）后再保存；原文件未改动</translation>
    </message>
    <message>
        <source>Cannot save the file {name}: {reason}; the file was not changed</source>
        <translation>无法保存文件 {name}：{reason}；原文件未改动</translation>
    </message>
    <message>
        <source>delete or correct it</source>
        <translation>请删除或改正它</translation>
    </message>
    <message>
        <source>issue.json is not UTF-8 text</source>
        <translation>issue.json 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>issue.json is not valid JSON (line {line}, column {column}: {reason})</source>
        <translation>issue.json 不是有效的 JSON（第 {line} 行第 {column} 列：{reason}）</translation>
    </message>
    <message>
        <source>issue.json is nested too deeply</source>
        <translation>issue.json 嵌套层次过深</translation>
    </message>
    <message>
        <source>issue.json holds a number that cannot be read: {reason}</source>
        <translation>issue.json 含有无法读取的数值：{reason}</translation>
    </message>
    <message>
        <source>the format mark “{format}” is missing: this is not a Bulletin Studio file</source>
        <translation>缺少格式标识“{format}”，这不是 Bulletin Studio 的文件</translation>
    </message>
    <message>
        <source>the format version “{version}” is not valid</source>
        <translation>格式版本“{version}”无效</translation>
    </message>
    <message>
        <source>the “issue” part is missing</source>
        <translation>缺少“issue”部分</translation>
    </message>
    <message>
        <source>the content is not valid: {problem} ({count} more problems)</source>
        <translation>内容有误：{problem}（另有 {count} 处问题）</translation>
    </message>
    <message>
        <source>the content is not valid: {problem}</source>
        <translation>内容有误：{problem}</translation>
    </message>
    <message>
        <source>cannot upgrade from format version {version} to {next}</source>
        <translation>无法从格式版本 {version} 升级到 {next}</translation>
    </message>
    <message>
        <source>delete or correct it in issue.json</source>
        <translation>请在 issue.json 中删除或改正它</translation>
    </message>
    <message>
        <source>the file was saved by a newer Bulletin Studio (format version {version}; this one reads up to {current}): upgrade Bulletin Studio, then open the file again</source>
        <translation>文件由较新版本的 Bulletin Studio 保存（格式版本 {version}，本程序支持到 {current}）：请升级后再打开</translation>
    </message>
    <message>
        <source>Holds a character that cannot be saved, {character} (an unpaired UTF-16 surrogate): {advice}</source>
        <translation>含有无法保存的字符 {character}（不成对的 UTF-16 代理项）：{advice}</translation>
    </message>
    <message>
        <source>The file {name} is not a valid bulletin file: {member}: {reason}</source>
        <translation>文件 {name} 不是有效的简报文件：{member}：{reason}</translation>
    </message>
    <message>
        <source>The file {name} is not a valid bulletin file: {reason}</source>
        <translation>文件 {name} 不是有效的简报文件：{reason}</translation>
    </message>
    <message>
        <source>No permission: check the permissions of the file and of its folder, or choose another place</source>
        <translation>没有权限，请检查文件和所在文件夹的权限，或换个位置</translation>
    </message>
    <message>
        <source>The disk is full: free some space and try again</source>
        <translation>磁盘已满，请腾出空间后重试</translation>
    </message>
    <message>
        <source>The disk quota is exceeded: free some space and try again</source>
        <translation>超出磁盘配额，请腾出空间后重试</translation>
    </message>
    <message>
        <source>The disk is read-only: choose another place</source>
        <translation>磁盘是只读的，请换个位置</translation>
    </message>
    <message>
        <source>The folder does not exist: check the path</source>
        <translation>文件夹不存在，请检查路径</translation>
    </message>
    <message>
        <source>Reading or writing the disk or network failed: check the connection and retry</source>
        <translation>磁盘或网络读写出错，请检查连接后重试</translation>
    </message>
    <message>
        <source>{advice} ({detail})</source>
        <translation>{advice}（{detail}）</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>命名管道</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>{name} is {kind}, not a regular file: use a regular file instead</source>
        <translation>{name} 是{kind}，不是普通文件：请改用一个普通文件</translation>
    </message>
    <message>
        <source>Cannot create the lock file {lock} for {name}: {reason}</source>
        <translation>无法为文件 {name} 创建锁文件 {lock}：{reason}</translation>
    </message>
    <message>
        <source>user {user}, host {host}, process {pid}, since {time}</source>
        <translation>用户 {user}，主机 {host}，进程 {pid}，自 {time} 起</translation>
    </message>
    <message>
        <source>the lock file cannot be read</source>
        <translation>锁文件无法读取</translation>
    </message>
    <message>
        <source>The file {name} is open elsewhere ({who}): if you are sure it was closed there, delete the lock file {lock} and try again</source>
        <translation>文件 {name} 已在别处打开（{who}）：如确定对方已关闭此文件，请删除锁文件 {lock} 后重试</translation>
    </message>
    <message>
        <source>The file {name} is open elsewhere ({who})</source>
        <translation>文件 {name} 已在别处打开（{who}）</translation>
    </message>
    <message>
        <source>Cannot create a lock file for {name}: the folder {folder} does not exist</source>
        <translation>无法为文件 {name} 创建锁文件：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Cannot export to {name}: it is the bulletin being exported. Choose another file name</source>
        <translation>不能导出到 {name}：它就是正在导出的简报。请换一个文件名</translation>
    </message>
    <message>
        <source>Cannot export to {name}: that is the name of a bulletin file, and exporting would overwrite the bulletin. Use a .pdf or .docx file name</source>
        <translation>不能导出到 {name}：这是简报文件的名称，导出会覆盖简报。请改用 .pdf 或 .docx 文件名</translation>
    </message>
    <message>
        <source>Cannot export to {name}: the folder {folder} does not exist</source>
        <translation>不能导出到 {name}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Cannot export to {name}: it is {kind}, not a regular file. Choose a regular file</source>
        <translation>不能导出到 {name}：它是{kind}，不是普通文件。请指定一个普通文件</translation>
    </message>
    <message>
        <source>Cannot export to {name}: the file is read-only. Make it writable first, or choose another file name</source>
        <translation>不能导出到 {name}：文件是只读的。请先取消它的只读属性，或换一个文件名</translation>
    </message>
    <message>
        <source>Cannot export to {name}: it holds an issue (a renamed bulletin file), and exporting would overwrite it. Choose another file name</source>
        <translation>不能导出到 {name}：其中是一期简报（改了名的简报文件），导出会覆盖它。请换一个文件名</translation>
    </message>
    <message>
        <source>Cannot write {name}: {reason}; the existing file was not changed</source>
        <translation>无法写入 {name}：{reason}；原有的文件未改动</translation>
    </message>
    <message>
        <source>{member} would be {size} MB, over the limit of {limit} MB</source>
        <translation>{member} 将有 {size} MB，超过上限 {limit} MB</translation>
    </message>
    <message>
        <source>there would be {count} images, over the limit of {limit}</source>
        <translation>图片有 {count} 张，超过上限 {limit} 张</translation>
    </message>
    <message>
        <source>the total size would be {size} MB, over the limit of {limit} MB</source>
        <translation>总大小将有 {size} MB，超过上限 {limit} MB</translation>
    </message>
    <message>
        <source>it is not a zip archive (the file is damaged or of another kind)</source>
        <translation>它不是 zip 压缩包（文件已损坏或类型不对）</translation>
    </message>
    <message>
        <source>the archive holds no {member}</source>
        <translation>压缩包中没有 {member}</translation>
    </message>
    <message>
        <source>the archive holds {count} members, over the limit of {limit}</source>
        <translation>压缩包含有 {count} 个成员，超过上限 {limit}</translation>
    </message>
    <message>
        <source>the member&apos;s path is unsafe (absolute, or holding “..”)</source>
        <translation>成员路径不安全（绝对路径或含“..”）</translation>
    </message>
    <message>
        <source>the member appears twice</source>
        <translation>成员重复出现</translation>
    </message>
    <message>
        <source>unpacked, the total size is over the limit of {limit} MB</source>
        <translation>解压后总大小超过上限 {limit} MB</translation>
    </message>
    <message>
        <source>the member is too large ({size} bytes declared, limit {limit})</source>
        <translation>成员过大（声明 {size} 字节，上限 {limit}）</translation>
    </message>
    <message>
        <source>the data is damaged (unpacking or checking it failed)</source>
        <translation>数据已损坏（解压或校验失败）</translation>
    </message>
    <message>
        <source>cannot unpack it: {reason}</source>
        <translation>无法解压：{reason}</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>cannot read it: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>unpacked, the member is over the limit of {limit} bytes</source>
        <translation>成员解压后超过上限 {limit} 字节</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>Not a date (write it as 2024-03-31)</source>
        <translation>不是日期（请写成 2024-03-31）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>At most {max_length} characters</source>
        <translation>最多 {max_length} 个字符</translation>
    </message>
    <message>
        <source>At least {min_length} characters</source>
        <translation>至少 {min_length} 个字符</translation>
    </message>
    <message>
        <source>At most {max_length} entries</source>
        <translation>最多 {max_length} 项</translation>
    </message>
    <message>
        <source>At least {min_length} entries</source>
        <translation>至少 {min_length} 项</translation>
    </message>
    <message>
        <source>At least {ge}</source>
        <translation>不能小于 {ge}</translation>
    </message>
    <message>
        <source>More than {gt}</source>
        <translation>必须大于 {gt}</translation>
    </message>
    <message>
        <source>At most {le}</source>
        <translation>不能大于 {le}</translation>
    </message>
    <message>
        <source>Less than {lt}</source>
        <translation>必须小于 {lt}</translation>
    </message>
    <message>
        <source>Not text</source>
        <translation>不是文字</translation>
    </message>
    <message>
        <source>Not yes or no</source>
        <translation>不是“是”或“否”</translation>
    </message>
    <message>
        <source>Not one of {expected}</source>
        <translation>不是以下之一：{expected}</translation>
    </message>
    <message>
        <source>Unknown kind “{tag}”</source>
        <translation>未知的类型“{tag}”</translation>
    </message>
    <message>
        <source>Not a field this version knows (made by a newer Bulletin Studio?)</source>
        <translation>本版本不认识的字段（文件可能由较新版本的 Bulletin Studio 制作）</translation>
    </message>
    <message>
        <source>Not a valid value</source>
        <translation>取值无效</translation>
    </message>
</context>
</TS>
