// The site's one script, three parts, each for the pages that have its elements: the customer
// search (customers.html, over the index in it or in search-index.js), the lists (lists.html)
// and a book of customers (cN-K.html). Every page works without it: it filters, finds and adds
// links; what a page says is in its markup.

// ---------------------------------------------------------------- the search
(function(){
  var q=document.getElementById('q'),ul=document.getElementById('results'),hits=document.getElementById('hits');
  if(!q||typeof ELIGO_CUSTOMERS==='undefined')return;
  function run(){
    var s=q.value.toLowerCase();
    while(ul.firstChild)ul.removeChild(ul.firstChild);
    hits.textContent='';
    if(!s)return;
    var n=0;
    for(var k=0;k<ELIGO_CUSTOMERS.length;k++){
      var r=ELIGO_CUSTOMERS[k];
      if(r[0].toLowerCase().indexOf(s)<0&&r[1].toLowerCase().indexOf(s)<0)continue;
      n++;
      if(n>100)continue;
      // [id, name, partner, page] on the program's site; [id, name, page] on a partner's own
      var li=document.createElement('li'),a=document.createElement('a'),p=r.length>3;
      a.href=r[p?3:2];
      a.textContent=r[0];
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '+r[1]+(p?' ('+r[2]+')':'')));
      ul.appendChild(li);
    }
    hits.textContent=n+' found'+(n>100?', first 100 shown':'');
  }
  q.addEventListener('input',run);
  // Enter searches in place: the form's inline onsubmit is refused where a Content-Security-Policy
  // allows no inline handler (eligo serve), and the form would load the page again, empty
  if(q.form)q.form.addEventListener('submit',function(e){e.preventDefault();run();});
  if(location.hash.indexOf('#q=')===0){
    q.value=decodeURIComponent(location.hash.substring(3));
    run();
  }
})();

// ---------------------------------------------------------------- the lists (lists.html)
// The link's fragment GROUP:AREA:NODE shows that area only, and in it the customers of that group
// at that node; any other fragment shows every customer of every area. A cell of no class is not
// evaluated. Texts are set, never parsed.
(function(){
  var shown=document.getElementById('shown'),all=document.getElementById('all');
  var areas=document.querySelectorAll('section.area');
  if(!shown||!all||!areas.length)return;
  var labels={met:'Met',not_met:'Not met',not_evaluated:'Not evaluated',growth:'With growth',decline:'In decline',no_change:'No change'};
  // each group's class on a cell (OutcomeClass)
  var classes={met:'m',not_met:'nm',not_evaluated:'ne',growth:'g',decline:'d',no_change:'nc'};
  function column(a,node){
    var head=a.querySelector('table.rows').rows[0].cells;
    for(var k=0;k<head.length;k++)if(node&&head[k].getAttribute('data-node')===node)return k;
    return -1;
  }
  function apply(){
    var h=decodeURIComponent(location.hash.substring(1)).split(':');
    var g=h.length===3?h[0]:'',node=h.length===3?h[2]:'',area=null,col=-1,n=0;
    [].forEach.call(areas,function(a){if(h.length===3&&a.id==='a-'+h[1])area=a;});
    if(area)col=column(area,node);
    [].forEach.call(areas,function(a){
      a.hidden=col>=0&&a!==area;
      var t=a.querySelector('table.rows'),st=a.querySelector('.stopped'),mine=a===area&&col>=0;
      for(var r=1;r<t.rows.length;r++){
        var cell=t.rows[r].cells[col],show=!mine||(cell.className?cell.classList.contains(classes[g]):g==='not_evaluated');
        t.rows[r].hidden=!show;
        if(show&&mine)n++;
      }
      if(st){
        var first=(' '+st.getAttribute('data-gates')+' ').indexOf(' '+node+' ')>=0;
        var sh=!mine||(g==='not_met'&&first)||(g==='not_evaluated'&&!first);
        st.hidden=!sh;
        if(sh&&mine)n+=st.getElementsByTagName('a').length;
      }
    });
    shown.textContent=col<0?'':'Showing '+area.querySelector('h2').firstChild.textContent.trim()+' · '
      +area.querySelector('table.rows').rows[0].cells[col].firstChild.textContent+': '+(labels[g]||g)+', '+n+(n===1?' customer.':' customers.');
    all.hidden=col<0;
  }
  window.addEventListener('hashchange',apply);
  apply();
})();

// ---------------------------------------------------------------- a book of customers
// A book of customers' sections: the outcome filter (site.css hides the rows of an unchecked
// outcome) and the area filter (one area of every customer), added by script so that a page
// without script carries none of it and shows every row; each customer's links to its areas;
// the title of the customer a link leads to; a note when the link's customer is not on the page.
(function(){
  var book=document.querySelector('.book');
  if(!book)return;
  var p=document.createElement('p');
  p.appendChild(document.createTextNode('Show: '));
  [['m','Met'],['nm','Not met'],['ne','Not evaluated']].forEach(function(o){
    var box=document.createElement('input'),label=document.createElement('label');
    box.type='checkbox';box.id='f-'+o[0];box.checked=true;
    label.htmlFor=box.id;label.className=o[0];label.textContent=o[1];
    p.appendChild(box);p.appendChild(label);p.appendChild(document.createTextNode(' '));
  });
  // the area filter: an area's heading and what follows it up to the next heading, or its row
  // among the areas stopped at their first gate (whose first cell is the area's title)
  function areaOf(h){return h.firstChild.textContent.replace(/:\s*$/,'');}
  var titles=[];
  [].forEach.call(book.querySelectorAll('h2[id*=".a-"], h2[id$=".stopped"] + table tr'),function(e){
    var t=e.tagName==='TR'?(e.cells[0].tagName==='TD'?e.cells[0].textContent:null):areaOf(e);
    if(t!==null&&titles.indexOf(t)<0)titles.push(t);
  });
  var pick=document.createElement('select'),pickLabel=document.createElement('label');
  pick.id='f-area';pickLabel.htmlFor=pick.id;pickLabel.textContent='Area: ';
  [''].concat(titles).forEach(function(t){
    var o=document.createElement('option');
    o.value=t;o.textContent=t||'All areas';pick.appendChild(o);
  });
  p.appendChild(pickLabel);p.appendChild(pick);
  pick.addEventListener('change',function(){
    var v=pick.value;
    [].forEach.call(book.children,function(s){
      var seen=false,hide=false;
      [].forEach.call(s.children,function(e){
        if(e.tagName==='H2'){
          seen=true;
          if(e.id.indexOf('.a-')>=0)hide=!!v&&areaOf(e)!==v;
          else{ // the areas stopped at their first gate: the row of the area chosen
            var rows=e.nextElementSibling.rows,any=false;
            for(var r=1;r<rows.length;r++){
              rows[r].hidden=!!v&&rows[r].cells[0].textContent!==v;
              any=any||!rows[r].hidden;
            }
            hide=!any;
          }
        }
        if(seen)e.hidden=hide;
      });
    });
  });
  book.parentNode.insertBefore(p,book);
  // each customer's links to its areas: an area's heading (its text before ': '), or its row among
  // the areas stopped at their first gate (anchors NAME.a-AREA)
  [].forEach.call(book.children,function(s){
    var nav=document.createElement('nav');
    nav.className='areas';nav.setAttribute('aria-label','Solution areas');
    [].forEach.call(s.querySelectorAll('[id]'),function(e){
      if(e.id.indexOf('.a-')<0)return;
      var a=document.createElement('a');
      a.href='#'+e.id;
      a.textContent=e.tagName==='TR'?e.cells[0].textContent:areaOf(e);
      nav.appendChild(a);
    });
    s.insertBefore(nav,s.children[2]||null);
  });
  var title=document.title;
  function follow(){
    var id=decodeURIComponent(location.hash.substring(1)),section=null;
    var target=id&&document.getElementById(id);
    for(var e=target;e&&e!==book;e=e.parentNode){
      if(e.tagName==='SECTION')section=e;
    }
    document.getElementById('gone').hidden=!id||!!target;
    var b=section&&section.querySelector('.customer-id');
    document.title=b?'Customer '+b.textContent:title;
    if(section&&section===target)window.scrollTo(0,0);
  }
  window.addEventListener('hashchange',follow);
  follow();
})();
