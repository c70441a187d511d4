<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="254"/>
        <source>How answers are assessed</source>
        <translation>如何评估回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="255"/>
        <source>Answers are transcribed and given a CEFR level by an AI service. Choose one; Test tells you whether it answers.</source>
        <translation>回答会被转写，并由 AI 服务给出 CEFR 等级。请选择一项；“测试”会告诉你它是否有响应。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="258"/>
        <source>Now: {status}.</source>
        <translation>当前：{status}。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="262"/>
        <source>With OpenAI, using your API key</source>
        <translation>使用 OpenAI 和你的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="265"/>
        <source>OpenAI API key</source>
        <translation>OpenAI API 密钥</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="267"/>
        <source>set by OPENAI_API_KEY</source>
        <translation>由 OPENAI_API_KEY 设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="270"/>
        <source>•••• saved: leave empty to keep it</source>
        <translation>•••• 已保存：留空即保留</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="272"/>
        <source>sk-… (kept in the system keyring, never in a file)</source>
        <translation>sk-…（保存在系统密钥环中，绝不写入文件）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="273"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="294"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="274"/>
        <source>Test the OpenAI key</source>
        <translation>测试 OpenAI 密钥</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="275"/>
        <source>OpenAI key test result</source>
        <translation>OpenAI 密钥测试结果</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="280"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="300"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="284"/>
        <source>With a compatible server (your own or your centre&apos;s)</source>
        <translation>使用兼容的服务器（你自己的或你所在中心的）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="287"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="289"/>
        <source>Evaluation model</source>
        <translation>评估模型</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="292"/>
        <source>Server API key, only if the server asks for one</source>
        <translation>服务器 API 密钥，仅在服务器要求时填写</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="293"/>
        <source>only if the server asks for one</source>
        <translation>仅在服务器要求时填写</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="295"/>
        <source>Test the server</source>
        <translation>测试服务器</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="296"/>
        <source>Server test result</source>
        <translation>服务器测试结果</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="298"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="299"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="307"/>
        <source>On this computer (the offline pack)</source>
        <translation>在这台电脑上（离线包）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="308"/>
        <source>About assessing on this computer</source>
        <translation>关于在这台电脑上评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="310"/>
        <source>Looking for the offline pack…</source>
        <translation>正在查找离线包…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="315"/>
        <source>Assess with OpenAI</source>
        <translation>使用 OpenAI 评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="316"/>
        <source>Assess with a compatible server</source>
        <translation>使用兼容的服务器评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="317"/>
        <source>Assess on this computer</source>
        <translation>在这台电脑上评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="341"/>
        <source>Transcripts, fluency and vocabulary are measured here, and nothing leaves this computer. The CEFR level needs OpenAI or a server: add one later in Settings.</source>
        <translation>转写、流利度和词汇都在本机测量，任何数据都不会离开这台电脑。CEFR 等级需要 OpenAI 或服务器：稍后可在“设置”中添加。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="385"/>
        <source>Enter your OpenAI API key, or press Skip to set it up later.</source>
        <translation>请输入你的 OpenAI API 密钥，或点击“跳过”稍后再设置。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="389"/>
        <source>Enter the server&apos;s address, starting with http:// or https:// (like http://localhost:8000/v1), or press Skip.</source>
        <translation>请输入服务器地址，以 http:// 或 https:// 开头（例如 http://localhost:8000/v1），或点击“跳过”。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="393"/>
        <source>Enter the model&apos;s name, like gpt-4o-mini, or press Skip.</source>
        <translation>请输入模型名称，例如 gpt-4o-mini，或点击“跳过”。</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="22"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="26"/>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="28"/>
        <source>Candidate ID</source>
        <translation>考生编号</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="27"/>
        <source>as on the candidate&apos;s admission slip</source>
        <translation>与考生准考证上的一致</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="30"/>
        <source>Candidate name</source>
        <translation>考生姓名</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="32"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="36"/>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="37"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="42"/>
        <source>Begin the speaking test</source>
        <translation>开始口语考试</translation>
    </message>
</context>
<context>
    <name>DayEdit</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="21"/>
        <source>any day</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="23"/>
        <source>{name} date</source>
        <translation>{name}日期</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="24"/>
        <source>{description}; the lowest value, shown as “any day”, sets no limit</source>
        <translation>{description}；最小值显示为“任意日期”，表示不设限制</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="99"/>
        <source>Next candidate</source>
        <translation>下一位考生</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="120"/>
        <source>Thank you. Your answers were submitted.</source>
        <translation>谢谢。你的回答已提交。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="121"/>
        <source>Thank you. Your answer was submitted.</source>
        <translation>谢谢。你的回答已提交。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="124"/>
        <source>Your centre will give you your result.</source>
        <translation>你的考试中心会告诉你结果。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="126"/>
        <source>Nothing was recorded.</source>
        <translation>没有录到任何内容。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="130"/>
        <source>Your answers are being assessed…</source>
        <translation>正在评估你的回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="131"/>
        <source>Your answer is being assessed…</source>
        <translation>正在评估你的回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="132"/>
        <source>Assessing your answers…</source>
        <translation>正在评估你的回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="133"/>
        <source>Assessing your answer…</source>
        <translation>正在评估你的回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="153"/>
        <source>There was not enough speech to give an overall level. Your centre will tell you what happens next.</source>
        <translation>口语内容不足，无法给出总体等级。你的考试中心会告诉你接下来怎么做。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="155"/>
        <source>There was not enough speech to give a level. Your centre will tell you what happens next.</source>
        <translation>口语内容不足，无法给出等级。你的考试中心会告诉你接下来怎么做。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="159"/>
        <source>Your overall level: {level}</source>
        <translation>你的总体等级：{level}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="160"/>
        <source>Your level: {level}</source>
        <translation>你的等级：{level}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="168"/>
        <source>Your result is {under_review}: an examiner checks it before it is given. Your centre will give you your result.</source>
        <translation>你的结果{under_review}：考官会在公布前进行核查。你的考试中心会告诉你结果。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="175"/>
        <source>Your answer is saved. It will be assessed shortly; your centre will give you your result.</source>
        <translation>你的回答已保存，很快就会被评估；你的考试中心会告诉你结果。</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="41"/>
        <source>Click to dismiss</source>
        <translation>点击关闭</translation>
    </message>
</context>
<context>
    <name>ExamFlow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="105"/>
        <source>Checking the microphone…</source>
        <translation>正在检查麦克风…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="108"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="268"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="279"/>
        <source>Microphone: {name}</source>
        <translation>麦克风：{name}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="109"/>
        <source>Starting the test…</source>
        <translation>正在开始考试…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="116"/>
        <source>Microphone: none found</source>
        <translation>麦克风：未找到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="117"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="119"/>
        <source>The test was not started: no microphone. Connect one and press Start again.</source>
        <translation>考试没有开始：没有麦克风。请连接一个麦克风，然后再次点击“开始”。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="135"/>
        <source>Starting the microphone…</source>
        <translation>正在启动麦克风…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="141"/>
        <source>Saving your answer…</source>
        <translation>正在保存你的回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="147"/>
        <source>Finishing the test…</source>
        <translation>正在结束考试…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="174"/>
        <source>Session resumed at part {part} of {parts} · question {number} of {of}. Record your answer when you are ready.</source>
        <translation>已在第 {part} 部分（共 {parts} 部分）· 第 {number} 题（共 {of} 题）恢复会话。准备好后请录制你的回答。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="178"/>
        <source>Session resumed. Record your answer when you are ready.</source>
        <translation>会话已恢复。准备好后请录制你的回答。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="230"/>
        <source>Microphone: checking…</source>
        <translation>麦克风：正在检查…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="251"/>
        <source>The test could not start (see the message above). Press Start to try again.</source>
        <translation>考试无法开始（见上方消息）。请点击“开始”重试。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="258"/>
        <source>Answer when you are ready: press Record (or Space).</source>
        <translation>准备好后再回答：点击“录音”（或按空格键）。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="263"/>
        <source>Prepare your answer. Recording starts by itself when the time is up.</source>
        <translation>请准备你的回答。时间一到，录音会自动开始。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="281"/>
        <source>Recording – speak now. Press Stop (or Space) when you have finished.</source>
        <translation>正在录音——请开始说话。说完后点击“停止”（或按空格键）。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="290"/>
        <source>{elapsed} / {left} left</source>
        <translation>{elapsed} / 剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="298"/>
        <source>Your answer ({seconds} s) is saved.</source>
        <translation>你的回答（{seconds} 秒）已保存。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="302"/>
        <source>Microphone: lost</source>
        <translation>麦克风：已断开</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="305"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="310"/>
        <source>Microphone: problem</source>
        <translation>麦克风：出现问题</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="321"/>
        <source>The recording could not start, so the test was stopped; nothing was recorded. Press Start to try again.</source>
        <translation>录音无法开始，考试已停止；没有录到任何内容。请点击“开始”重试。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="326"/>
        <source>The recording could not start.</source>
        <translation>录音无法开始。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="334"/>
        <source>AI: transcribing</source>
        <translation>AI：正在转写</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="334"/>
        <source>AI: assessing</source>
        <translation>AI：正在评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="363"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="387"/>
        <source>AI: ready</source>
        <translation>AI：就绪</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="379"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="383"/>
        <source>AI: waiting</source>
        <translation>AI：等待中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="384"/>
        <source>Your answer is saved and will be assessed as soon as possible.</source>
        <translation>你的回答已保存，将尽快进行评估。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="387"/>
        <source>This answer cannot be assessed.</source>
        <translation>这个回答无法评估。</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="70"/>
        <source>Your task</source>
        <translation>你的任务</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="72"/>
        <source>Speak</source>
        <translation>口语</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="52"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="53"/>
        <source>Setup saved and in use.</source>
        <translation>设置已保存并生效。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="54"/>
        <source>Not installed here. To assess on this computer, install SpeakCheck with its offline pack (pip install &quot;speakcheck-desktop[offline]&quot;), then start it again.</source>
        <translation>此处未安装。要在这台电脑上评估，请安装带离线包的 SpeakCheck（pip install &quot;speakcheck-desktop[offline]&quot;），然后重新启动。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="522"/>
        <source>Set up SpeakCheck</source>
        <translation>设置 SpeakCheck</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="534"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="535"/>
        <source>Skip setup</source>
        <translation>跳过设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="538"/>
        <source>Skip this step</source>
        <translation>跳过此步骤</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="539"/>
        <source>Skip setup: change nothing</source>
        <translation>跳过设置：不做任何更改</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="540"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="540"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="541"/>
        <source>Finish: save and use this setup</source>
        <translation>完成：保存并使用此设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="610"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>FormatPicker</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="83"/>
        <source>2. Choose what to do</source>
        <translation>2. 选择要做什么</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="86"/>
        <source>Mock test: all three parts, as in a real speaking test</source>
        <translation>模拟考试：全部三个部分，与正式口语考试一样</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="87"/>
        <source>Quick practice: one task</source>
        <translation>快速练习：一个任务</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="88"/>
        <source>Practise one part:</source>
        <translation>练习一个部分：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="90"/>
        <source>Part to practise</source>
        <translation>要练习的部分</translation>
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="305"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="311"/>
        <source>Filter by level</source>
        <translation>按等级筛选</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="312"/>
        <source>All levels</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="316"/>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="317"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="323"/>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="325"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="323"/>
        <source>Sessions from this day</source>
        <translation>从这一天开始的会话</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="324"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="324"/>
        <source>Sessions up to this day, included</source>
        <translation>截至这一天（含当天）的会话</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="325"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="333"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="334"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="335"/>
        <source>Retake a part</source>
        <translation>重做一个部分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="336"/>
        <source>Retake a part of this test</source>
        <translation>重做这次考试的一个部分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="338"/>
        <source>Parts to retake</source>
        <translation>可重做的部分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="340"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="341"/>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="342"/>
        <source>Save the score report of this session as a PDF</source>
        <translation>将这次会话的成绩报告保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="373"/>
        <source>Past sessions</source>
        <translation>以往的会话</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="99"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="109"/>
        <source>reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="119"/>
        <source>Part {number} · {part}</source>
        <translation>第 {number} 部分 · {part}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="122"/>
        <source>1 question</source>
        <translation>1 道题</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="123"/>
        <source>{count} questions</source>
        <translation>{count} 道题</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="125"/>
        <source>{answered} of {questions} answered</source>
        <translation>已回答 {answered}/{questions}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="131"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="131"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="132"/>
        <source>Test</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="132"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="133"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="75"/>
        <source>SpeakCheck – speaking test</source>
        <translation>SpeakCheck – 口语考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="89"/>
        <source>Sync: starting…</source>
        <translation>同步：正在启动…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="89"/>
        <source>Sync: off</source>
        <translation>同步：已关闭</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="90"/>
        <source>Nothing waiting.</source>
        <translation>没有待处理的内容。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="96"/>
        <source>SpeakCheck speaking test</source>
        <translation>SpeakCheck 口语考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="100"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="103"/>
        <source>Operator menu (PIN)</source>
        <translation>操作员菜单（PIN）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="106"/>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="170"/>
        <source>Preparing your task…</source>
        <translation>正在准备你的任务…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="192"/>
        <source>There is no mock test at {level} in this kiosk&apos;s task bank: ask the operator.</source>
        <translation>此考试终端的题库中没有 {level} 级的模拟考试：请询问操作员。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="207"/>
        <source>Candidate {id}</source>
        <translation>考生 {id}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="235"/>
        <source>The test could not start (see the message above). Press Begin to try again, or ask the operator.</source>
        <translation>考试无法开始（见上方消息）。请点击“开始”重试，或询问操作员。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="328"/>
        <source>{level} (set by the centre)</source>
        <translation>{level}（由考试中心设定）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="368"/>
        <source>No operator PIN is set for this kiosk: set one with “speakcheck kiosk-pin”.</source>
        <translation>此考试终端没有设置操作员 PIN：请用“speakcheck kiosk-pin”设置一个。</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="251"/>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
</context>
<context>
    <name>LevelPicker</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="56"/>
        <source>1. Choose your level</source>
        <translation>1. 选择你的等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="61"/>
        <source>Level {level}</source>
        <translation>{level} 级</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="46"/>
        <source>SpeakCheck – CEFR speaking practice</source>
        <translation>SpeakCheck – CEFR 口语练习</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="62"/>
        <source>4. Speak</source>
        <translation>4. 口语</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="90"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="94"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="95"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="100"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="102"/>
        <source>Your level, sub-scores and fluency over time (Ctrl+P)</source>
        <translation>你的等级、各项分数和流利度随时间的变化（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="106"/>
        <source>Review answers…</source>
        <translation>复核回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="107"/>
        <source>For examiners: review the AI&apos;s results, mark answers, see the agreement</source>
        <translation>供考官使用：复核 AI 的结果、给回答评分、查看一致性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="113"/>
        <source>Set up SpeakCheck…</source>
        <translation>设置 SpeakCheck…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="114"/>
        <source>The microphone, how answers are assessed, and sync: three short steps</source>
        <translation>麦克风、回答的评估方式和同步：三个简短步骤</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="116"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="118"/>
        <source>Sync: starting…</source>
        <translation>同步：正在启动…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="119"/>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="261"/>
        <source>AI: ready</source>
        <translation>AI：就绪</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="120"/>
        <source>Microphone: not checked</source>
        <translation>麦克风：未检查</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="159"/>
        <source>Sync: off</source>
        <translation>同步：已关闭</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="166"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="197"/>
        <source>End the test</source>
        <translation>结束考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="198"/>
        <source>End the test now? {left} question(s) will stay unanswered, and an ended test cannot be resumed. The answers you gave are kept and assessed.</source>
        <translation>现在结束考试吗？将有 {left} 道题未作答，结束的考试无法恢复。你已给出的回答会被保留并评估。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="223"/>
        <source>There is no mock test at {level} in the task bank.</source>
        <translation>题库中没有 {level} 级的模拟考试。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="250"/>
        <source>AI: not set up</source>
        <translation>AI：未设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="251"/>
        <source>Add your OpenAI API key or a compatible server in Settings, or install the offline pack; until then your answers are saved, and assessed later.</source>
        <translation>请在“设置”中添加你的 OpenAI API 密钥或兼容的服务器，或安装离线包；在此之前，你的回答会被保存，稍后再评估。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="255"/>
        <source>AI: measuring only</source>
        <translation>AI：仅测量</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="257"/>
        <source>{status}. Add your OpenAI API key or an evaluation server in Settings for levels; until then answers get their transcript, fluency and vocabulary, and their level later.</source>
        <translation>{status}。请在“设置”中添加你的 OpenAI API 密钥或评估服务器以获得等级；在此之前，回答会得到转写、流利度和词汇结果，等级稍后给出。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="266"/>
        <source>Microphone: {name}</source>
        <translation>麦克风：{name}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="346"/>
        <source>Your overall result is ready: {level}.</source>
        <translation>你的总体结果已出：{level}。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="347"/>
        <source>Your test is assessed: see the result.</source>
        <translation>你的考试已评估完毕：请查看结果。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="361"/>
        <source>Finish the test first: the setup tests the microphone.</source>
        <translation>请先完成考试：设置过程需要测试麦克风。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="394"/>
        <source>Finish the current test before retaking a part.</source>
        <translation>请先完成当前考试，再重做某个部分。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="412"/>
        <source>The recording is here: click a tip to hear that part.</source>
        <translation>录音已就绪：点击一条建议即可收听对应片段。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="421"/>
        <source>Fetching the recording from MongoDB… {percent} %</source>
        <translation>正在从 MongoDB 获取录音… {percent} %</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="426"/>
        <source>Finish the current test before resuming another one.</source>
        <translation>请先完成当前考试，再继续另一场。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="439"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="440"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="444"/>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="450"/>
        <source>Delete session</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="451"/>
        <source>Delete the {level} session of {when}, its recordings and results? This cannot be undone.</source>
        <translation>删除 {when} 的 {level} 级会话及其录音和结果吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="457"/>
        <source>Test finished. Choose a level and start another when you are ready.</source>
        <translation>考试结束。准备好后，选择一个等级开始下一场。</translation>
    </message>
</context>
<context>
    <name>MicrophonePage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="117"/>
        <source>Your microphone</source>
        <translation>你的麦克风</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="118"/>
        <source>Choose the microphone you will answer with, then record {seconds} seconds as you would speak in a test. You hear them back and read whether the level is right.</source>
        <translation>选择你将用来回答的麦克风，然后像考试时那样说话，录制 {seconds} 秒。你会听到回放，并看到音量是否合适。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="125"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="142"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="126"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="127"/>
        <source>●  Record {seconds} seconds</source>
        <translation>●  录制 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="128"/>
        <source>Record {seconds} seconds and play them back</source>
        <translation>录制 {seconds} 秒并回放</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="132"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="134"/>
        <source>No recording yet</source>
        <translation>还没有录音</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="135"/>
        <source>Microphone verdict</source>
        <translation>麦克风检测结论</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="139"/>
        <source>Microphone test progress</source>
        <translation>麦克风测试进度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="149"/>
        <source>Level:</source>
        <translation>音量：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="183"/>
        <source>An answer is being recorded: finish it, then test the microphone here.</source>
        <translation>正在录制回答：请先完成，再在这里测试麦克风。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="188"/>
        <source>Starting the microphone…</source>
        <translation>正在启动麦克风…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="192"/>
        <source>Recording from {name}: speak as you would in a test…</source>
        <translation>正在从 {name} 录音：请像考试时那样说话…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="200"/>
        <source>{seconds} s left</source>
        <translation>剩余 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="205"/>
        <source>Level: {words} ({decibels} dB)</source>
        <translation>音量：{words}（{decibels} dB）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="217"/>
        <source>Last test: {verdict}</source>
        <translation>上次测试：{verdict}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="218"/>
        <source>Playing it back…</source>
        <translation>正在回放…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="221"/>
        <source>Played back; the test recording is deleted.</source>
        <translation>已回放；测试录音已删除。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="231"/>
        <source>●  Record again</source>
        <translation>●  重新录音</translation>
    </message>
</context>
<context>
    <name>OperatorPanel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="95"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="98"/>
        <source>This kiosk</source>
        <translation>本考试终端</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="103"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="104"/>
        <source>MongoDB</source>
        <translation>MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="110"/>
        <source>Level for the next candidates</source>
        <translation>接下来考生的等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="112"/>
        <source>Fixed by the centre&apos;s kiosk settings</source>
        <translation>由考试中心的考试终端设置固定</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="113"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="122"/>
        <source>Allow one more attempt at this task</source>
        <translation>允许本任务再尝试一次</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="123"/>
        <source>End this candidate&apos;s test now</source>
        <translation>立即结束该考生的考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="126"/>
        <source>Wait until the recording stops: the answer is kept.</source>
        <translation>请等待录音停止：回答会被保留。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="127"/>
        <source>Review answers…</source>
        <translation>复核回答…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="128"/>
        <source>For examiners: results held for review, marking, agreement</source>
        <translation>供考官使用：待复核的结果、评分、一致性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="129"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="130"/>
        <source>Exit kiosk</source>
        <translation>退出考试终端</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="32"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="35"/>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="38"/>
        <source>Operator PIN</source>
        <translation>操作员 PIN</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="73"/>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>PIN 错误次数过多。请在 {seconds} 秒后重试。</translation>
    </message>
</context>
<context>
    <name>ProgressChartView</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="99"/>
        <source>Progress chart</source>
        <translation>进度图表</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="108"/>
        <source>Use the left and right arrow keys to go through the points.</source>
        <translation>使用左右方向键逐个查看数据点。</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="47"/>
        <source>Loading your progress…</source>
        <translation>正在加载你的进度…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="48"/>
        <source>Everyone on this computer</source>
        <translation>这台电脑上的所有人</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="49"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="50"/>
        <source>Fluency score</source>
        <translation>流利度分数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="51"/>
        <source>Accuracy score</source>
        <translation>准确性分数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="52"/>
        <source>Grammar score</source>
        <translation>语法分数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="53"/>
        <source>Vocabulary score</source>
        <translation>词汇分数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="54"/>
        <source>Coherence score</source>
        <translation>连贯性分数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="55"/>
        <source>Speech rate</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="56"/>
        <source>Pauses</source>
        <translation>停顿</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="57"/>
        <source>Mean length of run</source>
        <translation>平均语流长度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="58"/>
        <source>Words at B2 or above</source>
        <translation>B2 及以上的词汇</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="59"/>
        <source>words a minute</source>
        <translation>每分钟词数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="60"/>
        <source>a minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="61"/>
        <source>words between pauses</source>
        <translation>停顿之间的词数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="62"/>
        <source>% of known words</source>
        <translation>占已知词的百分比</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="63"/>
        <source>All answers</source>
        <translation>所有回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="64"/>
        <source>By format</source>
        <translation>按形式</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="65"/>
        <source>By task kind</source>
        <translation>按任务类型</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="66"/>
        <source>one point a day</source>
        <translation>每天一个点</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="67"/>
        <source>one point a week</source>
        <translation>每周一个点</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="68"/>
        <source>one point a month</source>
        <translation>每月一个点</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="332"/>
        <source>Your progress</source>
        <translation>你的进度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="345"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="346"/>
        <source>What the chart shows over time</source>
        <translation>图表随时间显示的内容</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="350"/>
        <source>Lines</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="351"/>
        <source>One line for all answers, or one per format or task kind</source>
        <translation>所有回答一条曲线，或按形式、任务类型各一条</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="353"/>
        <source>Whose progress</source>
        <translation>谁的进度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="355"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="355"/>
        <source>Answers from this day</source>
        <translation>从这一天开始的回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="356"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="356"/>
        <source>Answers up to this day, included</source>
        <translation>截至这一天（含当天）的回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="357"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="358"/>
        <source>Clear both dates</source>
        <translation>清除两个日期</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="360"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="360"/>
        <source>&amp;Lines:</source>
        <translation>曲线(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="361"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="361"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="372"/>
        <source>Chosen point</source>
        <translation>所选数据点</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="376"/>
        <source>Progress in words</source>
        <translation>进度文字说明</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="464"/>
        <source>{name} (1 session)</source>
        <translation>{name}（1 次会话）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="464"/>
        <source>{name} ({sessions} sessions)</source>
        <translation>{name}（{sessions} 次会话）</translation>
    </message>
</context>
<context>
    <name>RecorderPanel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="281"/>
        <source>3. Speak</source>
        <translation>3. 口语</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="283"/>
        <source>Press “Start speaking test” when you are ready.</source>
        <translation>准备好后，点击“开始口语考试”。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="295"/>
        <source>Microphone: default</source>
        <translation>麦克风：默认</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="297"/>
        <source>Start speaking test</source>
        <translation>开始口语考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="299"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="339"/>
        <source>●  Record now</source>
        <translation>●  现在录音</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="300"/>
        <source>Start recording (Space)</source>
        <translation>开始录音（空格键）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="301"/>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="302"/>
        <source>Stop recording (Space)</source>
        <translation>停止录音（空格键）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="303"/>
        <source>Next question  ▸</source>
        <translation>下一题  ▸</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="304"/>
        <source>Go on to the next question; your answer is kept (Enter)</source>
        <translation>进入下一题；你的回答会被保留（回车键）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="305"/>
        <source>Finish test</source>
        <translation>完成考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="306"/>
        <source>End test here</source>
        <translation>在此结束考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="307"/>
        <source>End the test now: the answers you gave are kept and assessed</source>
        <translation>现在结束考试：你已给出的回答会被保留并评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="309"/>
        <source>Finish the test (Enter)</source>
        <translation>完成考试（回车键）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="340"/>
        <source>●  Record again</source>
        <translation>●  重新录音</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="376"/>
        <source>Microphone: {name}</source>
        <translation>麦克风：{name}</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="56"/>
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="56"/>
        <source>Candidate</source>
        <translation>考生</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="57"/>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="139"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="57"/>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="58"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="67"/>
        <source>Review answers</source>
        <translation>复核回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="78"/>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="79"/>
        <source>Examiner&apos;s name</source>
        <translation>考官姓名</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="81"/>
        <source>First marking</source>
        <translation>第一次评分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="82"/>
        <source>Second marking (blind)</source>
        <translation>第二次评分（盲评）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="83"/>
        <source>Marking</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="85"/>
        <source>All levels</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="88"/>
        <source>Level filter</source>
        <translation>等级筛选</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="90"/>
        <source>Any centre</source>
        <translation>任意考试中心</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="91"/>
        <source>Centre filter</source>
        <translation>考试中心筛选</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="92"/>
        <source>Only sessions from</source>
        <translation>仅限此日期起的会话</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="96"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="96"/>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="100"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="101"/>
        <source>Fetch from MongoDB</source>
        <translation>从 MongoDB 获取</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="102"/>
        <source>Copy the centre&apos;s finished sessions (the centre and dates chosen) here to review them</source>
        <translation>将考试中心已完成的会话（所选中心和日期）复制到这里进行复核</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="105"/>
        <source>Examiner</source>
        <translation>考官</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="106"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="116"/>
        <source>Answers to review</source>
        <translation>待复核的回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="123"/>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="291"/>
        <source>Choose an answer from the list.</source>
        <translation>请从列表中选择一个回答。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="126"/>
        <source>▶  Play the answer</source>
        <translation>▶  播放回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="131"/>
        <source>Accept the AI&apos;s evaluation</source>
        <translation>接受 AI 的评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="134"/>
        <source>Your level</source>
        <translation>你的等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="136"/>
        <source>Your rating</source>
        <translation>你的评分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="150"/>
        <source>Your {aspect} score</source>
        <translation>你给出的{aspect}分数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="155"/>
        <source>Why you give this result (kept with the review)</source>
        <translation>你给出此结果的理由（与复核一起保存）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="156"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="158"/>
        <source>Save my rating</source>
        <translation>保存我的评分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="184"/>
        <source>Agreement with the examiners</source>
        <translation>与考官的一致性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="185"/>
        <source>Agreement of the AI with the examiners, on the answers reviewed here.</source>
        <translation>在此复核过的回答上，AI 与考官的一致性。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="187"/>
        <source>Compute agreement</source>
        <translation>计算一致性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="188"/>
        <source>Agreement on this centre&apos;s reviewed answers</source>
        <translation>本考试中心已复核回答的一致性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="234"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="239"/>
        <source>Fetching from MongoDB…</source>
        <translation>正在从 MongoDB 获取…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="257"/>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="259"/>
        <source>held: under review</source>
        <translation>暂扣：复核中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="263"/>
        <source>Nothing to review.</source>
        <translation>没有需要复核的内容。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="265"/>
        <source>1 answer to review.</source>
        <translation>1 个回答待复核。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="266"/>
        <source>{count} answers to review.</source>
        <translation>{count} 个回答待复核。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="281"/>
        <source>That answer is no longer in this computer&apos;s store.</source>
        <translation>这台电脑的存储中已没有该回答。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="344"/>
        <source>Saved. {review}</source>
        <translation>已保存。{review}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="349"/>
        <source>No answer has been rated by an examiner yet.</source>
        <translation>还没有回答经过考官评分。</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="389"/>
        <source>Sub-scores chart</source>
        <translation>各项分数图表</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="393"/>
        <source>{name} {score} of 10</source>
        <translation>{name} {score}/10</translation>
    </message>
</context>
<context>
    <name>ScorePane</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="29"/>
        <source>Tips (click one with a time to hear that part):</source>
        <translation>建议（点击带时间的建议可收听对应片段）：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="30"/>
        <source>An estimate from a CEFR word list (cefrpy): each word counts at the level learners usually meet it, whatever how it was used.</source>
        <translation>根据 CEFR 词表（cefrpy）得出的估计：每个词按学习者通常接触它的等级计算，不论其用法如何。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="105"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="158"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="228"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="109"/>
        <source>Overall level</source>
        <translation>总体等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="120"/>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="121"/>
        <source>Stop the transcription under way; your answer is kept and assessed later</source>
        <translation>停止正在进行的转写；你的回答会被保留，稍后评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="124"/>
        <source>◂  The whole test</source>
        <translation>◂  整场考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="125"/>
        <source>Back to the overall result and every question</source>
        <translation>返回总体结果和所有题目</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="132"/>
        <source>Tips</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="137"/>
        <source>Fluency, measured from your recording</source>
        <translation>流利度，根据你的录音测量</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="140"/>
        <source>Vocabulary, a word-list estimate</source>
        <translation>词汇，基于词表的估计</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="185"/>
        <source>Assessment · {test}</source>
        <translation>评估 · {test}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="186"/>
        <source>Questions (click one to see its answer):</source>
        <translation>题目（点击一题查看其回答）：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="187"/>
        <source>Questions:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="191"/>
        <source>Overall level · confidence {confidence}</source>
        <translation>总体等级 · 置信度 {confidence}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="196"/>
        <source>Your answers seem below A2, the lowest level this test measures.</source>
        <translation>你的回答似乎低于 A2，即本考试测量的最低等级。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="201"/>
        <source>Not enough evidence for an overall level.</source>
        <translation>证据不足，无法给出总体等级。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="204"/>
        <source>Test under way: {answered} of {questions} questions answered. The overall result comes when the test is finished and every answer assessed.</source>
        <translation>考试进行中：已回答 {answered}/{questions} 道题。考试结束且所有回答评估完毕后，才会给出总体结果。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="208"/>
        <source>{waiting} answer(s) still to be assessed: the overall result comes then.</source>
        <translation>还有 {waiting} 个回答待评估：之后会给出总体结果。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="217"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="221"/>
        <source>Show the answer to {part}, question {number}</source>
        <translation>显示{part}第 {number} 题的回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="222"/>
        <source>the task</source>
        <translation>该任务</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="237"/>
        <source>The AI&apos;s evaluation: {level}.</source>
        <translation>AI 的评估：{level}。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="239"/>
        <source>Examiner&apos;s result</source>
        <translation>考官的结果</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="245"/>
        <source>The recording&apos;s audio is gone.</source>
        <translation>录音的音频已丢失。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="254"/>
        <source>Blind marking: the AI&apos;s and the first examiner&apos;s results are hidden.</source>
        <translation>盲评：AI 和第一位考官的结果已隐藏。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="267"/>
        <source>The level comes with the AI evaluation</source>
        <translation>等级将随 AI 评估一起给出</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="268"/>
        <source>Level to come</source>
        <translation>等级待出</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="277"/>
        <source>Confidence {confidence}</source>
        <translation>置信度 {confidence}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="278"/>
        <source>Your answer seems below A2, the lowest level this test measures.</source>
        <translation>你的回答似乎低于 A2，即本考试测量的最低等级。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="279"/>
        <source>Your answer seems above C1, the highest level this test measures.</source>
        <translation>你的回答似乎高于 C1，即本考试测量的最高等级。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="292"/>
        <source>{start}–{end} s</source>
        <translation>{start}–{end} 秒</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="304"/>
        <source>Not enough evidence to score.</source>
        <translation>证据不足，无法评分。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="304"/>
        <source>What to do:</source>
        <translation>怎么做：</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="318"/>
        <source>Words at B2 and above</source>
        <translation>B2 及以上的词汇</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="321"/>
        <source>By level</source>
        <translation>按等级</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="323"/>
        <source>from {words} words on</source>
        <translation>满 {words} 个词后计算</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="324"/>
        <source>Diversity (MTLD)</source>
        <translation>多样性（MTLD）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="326"/>
        <source>The list knows {known} of the {words} words of this answer.</source>
        <translation>词表认识这个回答 {words} 个词中的 {known} 个。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="333"/>
        <source>{value} s</source>
        <translation>{value} 秒</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="333"/>
        <source>{value} words/min</source>
        <translation>{value} 词/分钟</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="334"/>
        <source>Speaking time</source>
        <translation>说话时间</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="334"/>
        <source>Words</source>
        <translation>词数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="335"/>
        <source>Speech rate</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="336"/>
        <source>Articulation rate</source>
        <translation>发音速度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="337"/>
        <source>Pauses</source>
        <translation>停顿</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="338"/>
        <source>Longest pause</source>
        <translation>最长停顿</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="339"/>
        <source>Words between pauses</source>
        <translation>停顿之间的词数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="340"/>
        <source>Different words</source>
        <translation>不同词数</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="341"/>
        <source>Filled pauses (um, uh)</source>
        <translation>有声停顿（um、uh）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="49"/>
        <source>Automatic: a server if set, else OpenAI with a key, else this computer</source>
        <translation>自动：如有服务器则用服务器，否则有密钥时用 OpenAI，否则用这台电脑</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="50"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="51"/>
        <source>A compatible server (the address below)</source>
        <translation>兼容的服务器（下方地址）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="52"/>
        <source>On this computer (offline pack)</source>
        <translation>在这台电脑上（离线包）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="53"/>
        <source>tiny.en: English only, fastest</source>
        <translation>tiny.en：仅英语，最快</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="54"/>
        <source>base: multilingual, tells the language, slower</source>
        <translation>base：多语言，能识别语言，较慢</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="72"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="79"/>
        <source>AI services (OpenAI, or any OpenAI-compatible server)</source>
        <translation>AI 服务（OpenAI 或任何兼容 OpenAI 的服务器）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="83"/>
        <source>OpenAI API key</source>
        <translation>OpenAI API 密钥</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="85"/>
        <source>set by OPENAI_API_KEY</source>
        <translation>由 OPENAI_API_KEY 设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="88"/>
        <source>•••• saved in the system keyring</source>
        <translation>•••• 已保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="89"/>
        <source>sk-… (kept in the system keyring, never in a file)</source>
        <translation>sk-…（保存在系统密钥环中，绝不写入文件）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="90"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="91"/>
        <source>Transcribe answers</source>
        <translation>转写回答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="93"/>
        <source>Offline model</source>
        <translation>离线模型</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="95"/>
        <source>empty: OpenAI</source>
        <translation>留空：OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="96"/>
        <source>Transcription server</source>
        <translation>转写服务器</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="98"/>
        <source>Transcription model</source>
        <translation>转写模型</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="99"/>
        <source>Evaluation server</source>
        <translation>评估服务器</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="100"/>
        <source>Evaluation model</source>
        <translation>评估模型</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="102"/>
        <source>MongoDB (optional: everything is kept on this computer first)</source>
        <translation>MongoDB（可选：所有内容都会先保存在这台电脑上）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="107"/>
        <source>Connection string</source>
        <translation>连接字符串</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="109"/>
        <source>The password is hidden; leave the dots to keep it, or type a new one in their place</source>
        <translation>密码已隐藏；保留圆点即保留密码，或在原处输入新密码</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="111"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="113"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="121"/>
        <source>You (optional)</source>
        <translation>你（可选）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="124"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="130"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="125"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="131"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="132"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="133"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="134"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="136"/>
        <source>System: the language this computer is set to, when SpeakCheck speaks it, else English</source>
        <translation>跟随系统：使用这台电脑设置的语言（如果 SpeakCheck 支持），否则使用英语</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="138"/>
        <source>A new language is used from the next start of SpeakCheck.</source>
        <translation>新的语言将在 SpeakCheck 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="142"/>
        <source>Saved changes apply at once: answers waiting for an AI service are assessed with the new one, and the sync uses the new database.</source>
        <translation>保存的更改会立即生效：等待 AI 服务的回答会用新的服务评估，同步也会使用新的数据库。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="159"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="174"/>
        <source>Set by the environment variable {env}</source>
        <translation>由环境变量 {env} 设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="160"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="175"/>
        <source>{label} (from {env})</source>
        <translation>{label}（来自 {env}）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="181"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="244"/>
        <source>Sync is switched off.</source>
        <translation>同步已关闭。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="257"/>
        <source>Settings saved and in use.</source>
        <translation>设置已保存并生效。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="418"/>
        <source>Sync to MongoDB (optional)</source>
        <translation>同步到 MongoDB（可选）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="419"/>
        <source>Every answer is kept on this computer first. With a MongoDB, a test centre&apos;s or your own, a copy of everything goes there too, as soon as it can be reached.</source>
        <translation>每个回答都会先保存在这台电脑上。如果有 MongoDB（考试中心的或你自己的），一旦能连接上，所有内容也会复制一份过去。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="421"/>
        <source>Now: MongoDB at {uri}, database {database}.</source>
        <translation>当前：位于 {uri} 的 MongoDB，数据库 {database}。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="424"/>
        <source>Now: the default, a MongoDB on this computer ({uri}), database {database}. If none runs here, everything simply stays here.</source>
        <translation>当前：默认设置，即这台电脑上的 MongoDB（{uri}），数据库 {database}。如果本机没有运行 MongoDB，所有内容就只保存在这里。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="428"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="429"/>
        <source>Keep everything on this computer</source>
        <translation>所有内容都保存在这台电脑上</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="430"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="431"/>
        <source>Sync to MongoDB</source>
        <translation>同步到 MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="437"/>
        <source>MongoDB connection string</source>
        <translation>MongoDB 连接字符串</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="439"/>
        <source>MongoDB database</source>
        <translation>MongoDB 数据库</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="441"/>
        <source>Connection string</source>
        <translation>连接字符串</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="442"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="445"/>
        <source>Set by the environment variable {env}</source>
        <translation>由环境变量 {env} 设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="446"/>
        <source>{label} (from {env})</source>
        <translation>{label}（来自 {env}）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="448"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="449"/>
        <source>Test the MongoDB connection</source>
        <translation>测试 MongoDB 连接</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="450"/>
        <source>MongoDB test result</source>
        <translation>MongoDB 测试结果</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="456"/>
        <source>Saving the setup</source>
        <translation>正在保存设置</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="487"/>
        <source>Sync is switched off in this app, so there is nothing to test.</source>
        <translation>此应用已关闭同步，因此没有可测试的内容。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="495"/>
        <source>Enter the connection string, or choose to keep everything on this computer.</source>
        <translation>请输入连接字符串，或选择将所有内容保存在这台电脑上。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="226"/>
        <source>Sync: up to date</source>
        <translation>同步：已是最新</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="227"/>
        <source>Sync: nothing to send yet</source>
        <translation>同步：暂无要发送的内容</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="229"/>
        <source>Sync: {pending} waiting</source>
        <translation>同步：{pending} 项等待中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="231"/>
        <source>Sync: offline, {pending} waiting (kept on this computer)</source>
        <translation>同步：离线，{pending} 项等待中（已保存在这台电脑上）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="233"/>
        <source>Sync: needs attention</source>
        <translation>同步：需要处理</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="132"/>
        <source>3. Your task</source>
        <translation>3. 你的任务</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="144"/>
        <source>Choose a level to get a task.</source>
        <translation>选择一个等级以获得任务。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="151"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="176"/>
        <source>Another task</source>
        <translation>换一个任务</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="152"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="177"/>
        <source>A different task at this level (before you start)</source>
        <translation>同一等级的另一个任务（开始之前）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="180"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="212"/>
        <source>Preparation {prep} s · Speaking up to {speak} s</source>
        <translation>准备 {prep} 秒 · 最多说 {speak} 秒</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="187"/>
        <source>Another test</source>
        <translation>换一场考试</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="188"/>
        <source>A different mock test at this level (before you start)</source>
        <translation>同一等级的另一场模拟考试（开始之前）</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="193"/>
        <source>{questions} questions in 1 part: {parts}. Each part starts with a sentence that says what happens in it; the questions come one after another, each with its own preparation and speaking time.</source>
        <translation>1 个部分共 {questions} 道题：{parts}。每个部分开头都有一句话说明该部分的内容；题目一道接一道出现，每道题都有各自的准备时间和说话时间。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="196"/>
        <source>{questions} questions in {count} parts: {parts}. Each part starts with a sentence that says what happens in it; the questions come one after another, each with its own preparation and speaking time.</source>
        <translation>{count} 个部分共 {questions} 道题：{parts}。每个部分开头都有一句话说明该部分的内容；题目一道接一道出现，每道题都有各自的准备时间和说话时间。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="201"/>
        <source>About {minutes} minutes in all</source>
        <translation>总共约 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="213"/>
        <source>No preparation · Speaking up to {speak} s</source>
        <translation>无准备时间 · 最多说 {speak} 秒</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="227"/>
        <source>Points to cover:</source>
        <translation>需要涵盖的要点：</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="25"/>
        <source>A2 – Elementary: short, simple talk about familiar, everyday things.</source>
        <translation>A2 – 初级：就熟悉的日常事物进行简短、简单的表达。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="26"/>
        <source>B1 – Intermediate: connected talk about familiar topics, experiences and plans.</source>
        <translation>B1 – 中级：就熟悉的话题、经历和计划进行连贯的表达。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="28"/>
        <source>B2 – Upper intermediate: clear, detailed talk and arguments on a wide range of topics.</source>
        <translation>B2 – 中高级：就广泛的话题进行清晰、详细的表达和论证。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="30"/>
        <source>C1 – Advanced: fluent, well-organised talk on complex subjects, with nuance.</source>
        <translation>C1 – 高级：就复杂的话题进行流利、条理清晰且有分寸的表达。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="33"/>
        <source>Interview</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="34"/>
        <source>Long turn</source>
        <translation>个人陈述</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="35"/>
        <source>Discussion</source>
        <translation>讨论</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="37"/>
        <source>the interview</source>
        <translation>问答部分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="38"/>
        <source>the long turn</source>
        <translation>个人陈述部分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="39"/>
        <source>the discussion</source>
        <translation>讨论部分</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="42"/>
        <source>Interview practice · {title}</source>
        <translation>问答练习 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="43"/>
        <source>Long turn practice · {title}</source>
        <translation>个人陈述练习 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="44"/>
        <source>Discussion practice · {title}</source>
        <translation>讨论练习 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="45"/>
        <source>Part practice · {title}</source>
        <translation>单部分练习 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="46"/>
        <source>Interview retake · {title}</source>
        <translation>问答重做 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="47"/>
        <source>Long turn retake · {title}</source>
        <translation>个人陈述重做 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="48"/>
        <source>Discussion retake · {title}</source>
        <translation>讨论重做 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="49"/>
        <source>Part retake · {title}</source>
        <translation>单部分重做 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="50"/>
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="51"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="52"/>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="53"/>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="54"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="55"/>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="56"/>
        <source>not enough evidence</source>
        <translation>证据不足</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="57"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="58"/>
        <source>cannot be assessed</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="59"/>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="60"/>
        <source>Fluency</source>
        <translation>流利度</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="60"/>
        <source>Accuracy</source>
        <translation>准确性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="61"/>
        <source>Grammar</source>
        <translation>语法</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="62"/>
        <source>Vocabulary</source>
        <translation>词汇</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="63"/>
        <source>Coherence</source>
        <translation>连贯性</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="65"/>
        <source>Describe</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="65"/>
        <source>Narrate</source>
        <translation>叙述</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="66"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="66"/>
        <source>Opinion</source>
        <translation>观点</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="67"/>
        <source>Argue</source>
        <translation>论证</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="68"/>
        <source>A practice estimate, not an official certificate.</source>
        <translation>练习性质的估计，并非官方证书。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="69"/>
        <source>under review</source>
        <translation>正在复核</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="124"/>
        <source>Mock test · {title}</source>
        <translation>模拟考试 · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="128"/>
        <source>Quick practice</source>
        <translation>快速练习</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="136"/>
        <source>dd MMM yyyy, HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="137"/>
        <source>dd MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="146"/>
        <source>Part {part} of {parts} · question {number} of {of}</source>
        <translation>第 {part} 部分（共 {parts} 部分）· 第 {number} 题（共 {of} 题）</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="37"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="40"/>
        <source>Transcript</source>
        <translation>转写</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="41"/>
        <source>Your answer will appear here after recording.</source>
        <translation>录音后，你的回答会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="56"/>
        <source>no transcript yet</source>
        <translation>暂无转写</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="66"/>
        <source>This answer cannot be assessed.</source>
        <translation>这个回答无法评估。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="68"/>
        <source>Nothing was recorded.</source>
        <translation>没有录到任何内容。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="70"/>
        <source>No transcript yet.</source>
        <translation>暂无转写。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="80"/>
        <source>{count} long pause(s) in the recording.</source>
        <translation>录音中有 {count} 处长停顿。</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="91"/>
        <source>[pause {seconds} s]</source>
        <translation>[停顿 {seconds} 秒]</translation>
    </message>
</context>
</TS>
